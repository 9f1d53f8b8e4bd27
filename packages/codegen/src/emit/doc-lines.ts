import type { CommandModel } from '../model/command-model.js';
import type { OptionField } from '../model/argument-model.js';

const escape = (text: string): string => text.replace(/\*\//g, '*\\/');

/** JSDoc lines of a generated method: facts from the spec, never upstream prose. */
export function methodDoc(model: CommandModel): string[] {
  const lines = [`\`${model.name}\` (${model.group}).`, '', `@since ${model.since}`];
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

/** JSDoc lines of an option field: its token and the version that introduced it. */
export function optionDoc(field: OptionField): string[] {
  const arg = field.argument;
  const lines = [arg.token !== undefined ? `\`${arg.token}\`` : `\`${arg.name}\``];
  if (arg.since !== undefined) lines.push(`@since ${arg.since}`);
  if (arg.deprecatedSince !== undefined) lines.push(`@deprecated since ${arg.deprecatedSince}`);
  return lines;
}
