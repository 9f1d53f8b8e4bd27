import { applyOverlay, optionArguments } from './apply-overlay.js';
import { buildArgumentModel, type OptionField } from './argument-model.js';
import type { LoadedSpec } from './load-spec.js';
import { methodName, pascalCase } from './naming.js';
import {
  checkPlainOverload,
  conditions,
  knownOverloads,
  overloadSignature,
  runtimeCondition,
  withoutTrailingDefaults,
  type SignatureModel,
} from './overload-signatures.js';
import type { CommandOverlay } from './overlay-types.js';
import {
  DEFINITION_TYPE,
  replyDefinitions,
  replyPlan,
  replyType,
  SELF_TYPE,
} from './reply-model.js';
import type { RuntimeArg, RuntimeKeySpec, RuntimePlan, RuntimeVariant } from './runtime-spec.js';
import type {
  CommandDocs,
  SpecArgument,
  SpecCommand,
  SpecKeySpec,
  SpecSource,
} from './spec-types.js';

export type { SignatureModel } from './overload-signatures.js';

export type { RuntimeKeySpec } from './runtime-spec.js';

export interface CommandModel {
  name: string;
  method: string;
  group: string;
  since: string;
  valkeySince?: string;
  deprecatedSince?: string;
  replacedBy?: string;
  aclCategories: string[];
  flags: string[];
  docsUrl: string;
  /** It changes the state of its connection: declared apart from the shared-connection ones. */
  changesConnection: boolean;
  /** What the JSDoc says beyond the facts above: BSD prose, our examples, key access. */
  docs: {
    prose?: CommandDocs;
    examples: string[];
    /** Each key spec's flags (`RW`, `ACCESS`…), by key spec index, to say what a key is for. */
    keySpecFlags: string[][];
  };
  optionsName?: string;
  optionFields: OptionField[];
  replyName?: string;
  replyTypeBody?: string;
  /** Named types for the reply's `definitions`, emitted beside the reply type. */
  replyDefinitions: { name: string; body: string }[];
  /** Overloads from the overlay first, the general signature last. */
  signatures: SignatureModel[];
  runtime: {
    words: string[];
    products: number;
    args: readonly RuntimeArg[];
    params: number;
    hasOptions: boolean;
    keys: RuntimeKeySpec[];
    reply: RuntimePlan;
    variants: RuntimeVariant[];
    requestPolicy?: string;
    responsePolicy?: string;
    nondeterministic?: true;
  };
}

const productBits = { redis: 1, valkey: 2 } as const;

/** Product bitmask of a list of source ids. */
function productMask(sources: string[], byId: Map<string, SpecSource>): number {
  return sources.reduce((mask, id) => mask | productBits[byId.get(id)?.product ?? 'redis'], 0);
}

/** Containers that only group subcommands (`CLIENT`, `CONFIG`) and Sentinel-only commands get no method. */
export function isCallable(command: SpecCommand, containers: Set<string>): boolean {
  if (command.flags.includes('ONLY_SENTINEL')) return false;
  return !(containers.has(command.name) && command.arity === -2);
}

function docsUrl(command: SpecCommand, byId: Map<string, SpecSource>): string {
  const slug = command.name.toLowerCase().replace(/ /g, '-');
  const redis = command.sources.some((id) => byId.get(id)?.product === 'redis');
  return redis
    ? `https://redis.io/docs/latest/commands/${slug}/`
    : `https://valkey.io/commands/${slug}/`;
}

function keySpecPlan(spec: SpecKeySpec): RuntimeKeySpec {
  const begin = spec.beginSearch;
  const find = spec.findKeys;
  return {
    flags: spec.flags,
    ...('index' in begin ? { index: begin.index } : {}),
    ...('keyword' in begin ? { keyword: begin.keyword, startFrom: begin.startFrom } : {}),
    ...('range' in find
      ? { range: [find.range.lastKey, find.range.step, find.range.limit] as const }
      : {}),
    ...('keynum' in find
      ? { keynum: [find.keynum.keyNumIdx, find.keynum.firstKey, find.keynum.step] as const }
      : {}),
  };
}

function policy(tips: string[] | undefined, prefix: string): string | undefined {
  const tip = tips?.find((t) => t.toLowerCase().startsWith(prefix));
  return tip?.slice(prefix.length).toLowerCase();
}

/** Whether the command carries this tip exactly (`nondeterministic_output`, not `…_order`). */
function hasTip(tips: string[] | undefined, tip: string): boolean {
  return tips?.some((t) => t.toLowerCase() === tip) ?? false;
}

/**
 * Arguments a newer release dropped or reshaped (7.0.15's `GEORADIUS … STORE key`, XINFO STREAM's
 * old `full`) stay in the merged spec as facts but get no parameter: only what the newest source
 * of the command's own lineage has, plus what another lineage adds, is offered.
 */
function currentArguments(command: SpecCommand, byId: Map<string, SpecSource>): SpecArgument[] {
  const product = (id: string): string => byId.get(id)?.product ?? 'redis';
  const lineage = product(command.sources[0]!);
  const newest = command.sources.filter((id) => product(id) === lineage).at(-1);
  const current = new Set(command.sources.filter((id) => id === newest || product(id) !== lineage));
  const keep = (args: SpecArgument[]): SpecArgument[] =>
    args
      .filter((arg) => arg.sources === undefined || arg.sources.some((id) => current.has(id)))
      .map((arg) =>
        arg.arguments === undefined ? arg : { ...arg, arguments: keep(arg.arguments) },
      );
  return keep(command.arguments ?? []);
}

/** Every token in an argument tree. */
const tokensOf = (args: SpecArgument[]): string[] =>
  args.flatMap((arg) => [
    ...(arg.token !== undefined ? [arg.token] : []),
    ...tokensOf(arg.arguments ?? []),
  ]);

/**
 * The release line (`7.2.0`) of an argument's first source, for arguments upstream gives no
 * `since` (ZRANK's WITHSCORE came in 7.2 without one). Not for reshaped arguments: when the
 * command's first source had no arguments at all (upstream omitted them: COMMAND GETKEYS) or
 * already used the argument's tokens in another shape (GEORADIUS STORE, XINFO STREAM FULL).
 */
function introducedIn(
  command: SpecCommand,
  arg: SpecArgument,
  byId: Map<string, SpecSource>,
): string | undefined {
  const firstSource = command.sources[0];
  const first = arg.sources?.map((id) => byId.get(id)).find((source) => source !== undefined);
  if (first === undefined || first.id === firstSource) return undefined;
  const older = (command.arguments ?? []).filter(
    (other) => other.sources === undefined || other.sources.includes(firstSource!),
  );
  const olderTokens = new Set(tokensOf(older.filter((other) => other !== arg)));
  const reshaped = tokensOf([arg]).some((token) => olderTokens.has(token));
  if (older.length === 0 || reshaped) return undefined;
  const [major = '0', minor = '0'] = first.version.split(/[.-]/);
  return `${major}.${minor}.0`;
}

/** Builds the view model of one command: signatures for the types, data for the command table. */
export function buildCommandModel(
  original: SpecCommand,
  overlay: CommandOverlay | undefined,
  spec: LoadedSpec,
): CommandModel {
  const byId = new Map(spec.sources.map((source) => [source.id, source]));
  const command = applyOverlay(original, overlay);
  const commandProducts = productMask(command.sources, byId);
  const argumentModel = buildArgumentModel(
    currentArguments(command, byId),
    {
      commandSince: command.since,
      products: (sources) => {
        if (sources === undefined) return undefined;
        const mask = productMask(sources, byId);
        return mask === commandProducts ? undefined : mask;
      },
      introducedIn: (arg) => introducedIn(command, arg, byId),
    },
    optionArguments(overlay),
  );
  const method = overlay?.method ?? methodName(command.name);
  const typeName = pascalCase(method);
  const hasOptions = argumentModel.options.length > 0;
  const optionsName = hasOptions ? `${typeName}Options` : undefined;
  // Reply `definitions` (recursive shapes: COMMAND DOCS' arguments) become named types too.
  const definitions = replyDefinitions(command.reply).map(([name, schema]) => ({
    placeholder: new RegExp(`\\b${DEFINITION_TYPE}${pascalCase(name)}\\b`, 'g'),
    name: `${typeName}${pascalCase(name)}`,
    body: replyType(schema),
  }));
  const withDefinitions = (type: string): string =>
    definitions.reduce(
      (text, definition) =>
        text.replace(definition.placeholder, `${definition.name}<TString, TInteger>`),
      type,
    );
  const replyName =
    replyType(command.reply).includes('{') || definitions.length > 0
      ? `${typeName}Reply`
      : undefined;
  // A self-reference needs the named type; without one it cannot be written.
  const generalReply = withDefinitions(replyType(command.reply)).replace(
    new RegExp(`\\b${SELF_TYPE}\\b`, 'g'),
    replyName !== undefined ? `${replyName}<TString, TInteger>` : 'unknown',
  );
  const base: SignatureModel = {
    params: argumentModel.params,
    ...(optionsName !== undefined ? { optionsType: optionsName } : {}),
    optionsRequired: false,
    returnType: replyName !== undefined ? `${replyName}<TString, TInteger>` : generalReply,
  };
  const overlayOverloads = knownOverloads(overlay?.overloads ?? [], argumentModel.options);
  checkPlainOverload(command.name, overlayOverloads, argumentModel.params);
  const overloads = overlayOverloads.map((overload) =>
    overloadSignature(
      base,
      conditions(overload.when),
      argumentModel.options,
      replyType(overload.reply),
      command.name,
    ),
  );
  const defaultPlan = replyPlan(command.reply);
  const variants = withoutTrailingDefaults(
    overlayOverloads.map((overload) => ({
      when: conditions(overload.when).map((condition) =>
        runtimeCondition(condition, argumentModel.params),
      ),
      plan: replyPlan(overload.reply),
    })),
    defaultPlan,
  );
  const [container, sub] =
    command.container !== undefined ? command.name.split(' ') : [command.name];
  return {
    name: command.name,
    method,
    group: command.group,
    since: command.since,
    ...(command.valkeySince !== undefined ? { valkeySince: command.valkeySince } : {}),
    ...(command.deprecatedSince !== undefined ? { deprecatedSince: command.deprecatedSince } : {}),
    ...(command.replacedBy !== undefined ? { replacedBy: command.replacedBy } : {}),
    aclCategories: command.aclCategories ?? [],
    flags: command.flags,
    docsUrl: docsUrl(command, byId),
    changesConnection: overlay?.changesConnection === true,
    docs: {
      ...(spec.docs?.get(command.name) !== undefined
        ? { prose: spec.docs.get(command.name)! }
        : {}),
      examples: overlay?.examples ?? [],
      keySpecFlags: (command.keySpecs ?? []).map((keySpec) => keySpec.flags),
    },
    ...(optionsName !== undefined ? { optionsName } : {}),
    optionFields: argumentModel.options,
    ...(replyName !== undefined ? { replyName, replyTypeBody: generalReply } : {}),
    replyDefinitions: definitions.map(({ name, body }) => ({ name, body: withDefinitions(body) })),
    signatures: [...overloads, base],
    runtime: {
      words: sub === undefined ? [container!] : [container!, sub],
      products: commandProducts,
      args: argumentModel.runtime,
      params: argumentModel.params.length,
      hasOptions,
      keys: (command.keySpecs ?? []).map(keySpecPlan),
      reply: defaultPlan,
      variants,
      ...(policy(command.tips, 'request_policy:') !== undefined
        ? { requestPolicy: policy(command.tips, 'request_policy:') }
        : {}),
      ...(policy(command.tips, 'response_policy:') !== undefined
        ? { responsePolicy: policy(command.tips, 'response_policy:') }
        : {}),
      ...(hasTip(command.tips, 'nondeterministic_output') ? { nondeterministic: true } : {}),
    },
  };
}

/** Every callable command's model, sorted by method name. */
export function buildModels(spec: LoadedSpec): CommandModel[] {
  const containers = new Set(spec.commands.flatMap((command) => command.container ?? []));
  const models = spec.commands
    .filter((command) => isCallable(command, containers))
    .map((command) => buildCommandModel(command, spec.overlay[command.name], spec));
  const unknown = Object.keys(spec.overlay).filter(
    (name) => !spec.commands.some((command) => command.name === name),
  );
  if (unknown.length > 0) throw new Error(`overlay names unknown commands: ${unknown.join(', ')}`);
  return models.sort((a, b) => (a.method < b.method ? -1 : a.method > b.method ? 1 : 0));
}
