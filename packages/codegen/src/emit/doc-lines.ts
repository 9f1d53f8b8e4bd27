import type { OptionField } from '../model/argument-model.js';
import type { CommandModel } from '../model/command-model.js';
import type { SpecArgument } from '../model/spec-types.js';
import { wireSyntax } from './wire-syntax.js';

const escape = (text: string): string => text.replace(/\*\//g, '*\\/');

/** How a key spec's flags read: what the command does with that key. */
const KEY_ACCESS: readonly [flag: string, words: string][] = [
  ['RO', 'read'],
  ['RW', 'read and written'],
  ['OW', 'overwritten'],
  ['RM', 'deleted'],
];

function keyAccess(arg: SpecArgument, model: CommandModel): string {
  const flags = arg.keySpecIndex === undefined ? [] : model.docs.keySpecFlags[arg.keySpecIndex];
  const access = KEY_ACCESS.find(([flag]) => flags?.includes(flag))?.[1];
  return access === undefined ? '' : `, ${access}`;
}

/** Version facts of an argument: `, since 6.2.0`, `, deprecated since 7.0.0`. */
function versions(arg: SpecArgument): string {
  const since = arg.since !== undefined ? `, since ${arg.since}` : '';
  const deprecated =
    arg.deprecatedSince !== undefined ? `, deprecated since ${arg.deprecatedSince}` : '';
  return `${since}${deprecated}`;
}

/** One `@param` line for a positional, written from facts: its syntax and what it is for. */
function paramDoc(name: string, arg: SpecArgument | undefined, model: CommandModel): string {
  if (arg === undefined) return `@param ${name}`;
  const role = arg.type === 'key' ? keyAccess(arg, model) : '';
  return escape(`@param ${name} - \`${wireSyntax(arg)}\`${role}${versions(arg)}`);
}

/** The `@param options` lines: each property with its syntax. */
function optionsDoc(model: CommandModel): string[] {
  if (model.optionFields.length === 0) return [];
  return [
    '@param options - the optional arguments, by property:',
    ...model.optionFields.map((field) =>
      escape(`- \`${field.key}\`: \`${wireSyntax(field.argument)}\`${versions(field.argument)}`),
    ),
  ];
}

/** The opening paragraphs: upstream's summary and complexity where a BSD source has them. */
function summaryLines(model: CommandModel): string[] {
  const prose = model.docs.prose;
  const name = `\`${model.name}\` (${model.group}).`;
  if (prose?.summary === undefined && prose?.complexity === undefined) return [name, ''];
  const lines = [escape(prose.summary?.text ?? name), ''];
  const complexity = prose.complexity?.text.replace(/\.?$/, '.');
  lines.push(escape(complexity === undefined ? name : `${name} Time complexity: ${complexity}`));
  return [...lines, ''];
}

function returnsLines(model: CommandModel): string[] {
  const replies = model.docs.prose?.replies?.text ?? [];
  if (replies.length === 0) return [];
  if (replies.length === 1) return [escape(`@returns ${replies[0]}`)];
  return ['@returns One of:', ...replies.map((reply) => escape(`- ${reply}`))];
}

function exampleLines(model: CommandModel): string[] {
  return model.docs.examples.flatMap((example) => ['@example', ...example.split('\n').map(escape)]);
}

/**
 * JSDoc lines of a generated method: upstream prose from BSD-licensed sources (summary, time
 * complexity, reply descriptions; NOTICE attributes them), parameter docs written from the
 * spec's facts, hand-written examples from the overlay, then the facts as tags.
 */
export function methodDoc(model: CommandModel): string[] {
  const params = model.signatures.at(-1)?.params ?? [];
  const lines = [
    ...summaryLines(model),
    ...params.map((param) => paramDoc(param.name, param.argument, model)),
    ...optionsDoc(model),
    ...returnsLines(model),
    ...exampleLines(model),
    `@since ${model.since}`,
  ];
  if (model.valkeySince !== undefined) lines.push(`@remarks Valkey: since ${model.valkeySince}`);
  lines.push(`@group ${model.group}`);
  if (model.aclCategories.length > 0) {
    lines.push(`@aclCategories ${model.aclCategories.map((c) => c.toLowerCase()).join(', ')}`);
  }
  if (model.flags.length > 0) lines.push(`@commandFlags ${model.flags.join(', ')}`);
  if (model.deprecatedSince !== undefined) {
    const replacement = model.replacedBy !== undefined ? `; replaced by ${model.replacedBy}` : '';
    lines.push(`@deprecated since ${model.deprecatedSince}${escape(replacement)}`);
  }
  lines.push(`@see ${model.docsUrl}`);
  return lines;
}

/** JSDoc lines of an option field: its syntax and the version that introduced it. */
export function optionDoc(field: OptionField): string[] {
  const arg = field.argument;
  const lines = [escape(`\`${wireSyntax(arg)}\``)];
  if (arg.since !== undefined) lines.push(`@since ${arg.since}`);
  if (arg.deprecatedSince !== undefined) lines.push(`@deprecated since ${arg.deprecatedSince}`);
  return lines;
}
