import { applyOverlay, optionArguments } from './apply-overlay.js';
import {
  buildArgumentModel,
  type MethodParam,
  type OptionField,
  type RuntimeArg,
} from './argument-model.js';
import type { LoadedSpec } from './load-spec.js';
import { methodName, pascalCase } from './naming.js';
import type { CommandOverlay, OverloadCondition } from './overlay-types.js';
import { replyPlan, replyType, type RuntimePlan } from './reply-model.js';
import type { SpecCommand, SpecKeySpec, SpecSource } from './spec-types.js';

export interface SignatureModel {
  params: MethodParam[];
  /** The options parameter's type, or undefined when the method takes none. */
  optionsType?: string;
  optionsRequired: boolean;
  returnType: string;
}

export interface RuntimeKeySpec {
  index?: number;
  keyword?: string;
  startFrom?: number;
  range?: [number, number, number];
  keynum?: [number, number, number];
  flags: string[];
}

export interface RuntimeVariant {
  when: string;
  equals?: string | number | boolean;
  plan: RuntimePlan;
}

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
  optionsName?: string;
  optionFields: OptionField[];
  replyName?: string;
  replyTypeBody?: string;
  /** Overloads from the overlay first, the general signature last. */
  signatures: SignatureModel[];
  runtime: {
    words: string[];
    products: number;
    args: RuntimeArg[];
    params: number;
    hasOptions: boolean;
    keys: RuntimeKeySpec[];
    reply: RuntimePlan;
    variants: RuntimeVariant[];
    requestPolicy?: string;
    responsePolicy?: string;
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
  const plan: RuntimeKeySpec = { flags: spec.flags };
  const begin = spec.beginSearch;
  if ('index' in begin) plan.index = begin.index;
  if ('keyword' in begin)
    Object.assign(plan, { keyword: begin.keyword, startFrom: begin.startFrom });
  const find = spec.findKeys;
  if ('range' in find) plan.range = [find.range.lastKey, find.range.step, find.range.limit];
  if ('keynum' in find)
    plan.keynum = [find.keynum.keyNumIdx, find.keynum.firstKey, find.keynum.step];
  return plan;
}

function policy(tips: string[] | undefined, prefix: string): string | undefined {
  const tip = tips?.find((t) => t.toLowerCase().startsWith(prefix));
  return tip?.slice(prefix.length).toLowerCase();
}

const conditions = (when: OverloadCondition | OverloadCondition[]): OverloadCondition[] =>
  Array.isArray(when) ? when : [when];

/** A signature whose options or positionals are narrowed by the overload's conditions. */
function overloadSignature(
  base: SignatureModel,
  when: OverloadCondition[],
  options: OptionField[],
  returnType: string,
  command: string,
): SignatureModel {
  const params = base.params.map((param) => ({ ...param }));
  const narrowed: string[] = [];
  for (const condition of when) {
    if ('param' in condition) {
      const index = params.findIndex((param) => param.name === condition.param);
      if (index === -1) throw new Error(`overlay for ${command}: no parameter ${condition.param}`);
      for (let i = 0; i <= index; i++) params[i]!.optional = false;
    } else {
      const [head, ...path] = condition.option.split('.');
      const field = options.find((option) => option.key === head);
      if (field === undefined)
        throw new Error(`overlay for ${command}: no option ${condition.option}`);
      const value =
        condition.equals === undefined
          ? 'true'
          : JSON.stringify(condition.equals).replace(/"/g, "'");
      // `options.withscores` narrows a nested field: `options: { withscores: true }`.
      const narrowedValue = path.reduceRight((inner, key) => `{ ${key}: ${inner} }`, value);
      narrowed.push(
        `${field.key}: ${path.length === 0 && field.type !== 'boolean' ? value : narrowedValue}`,
      );
    }
  }
  const optionsType =
    narrowed.length > 0 ? `${base.optionsType} & { ${narrowed.join('; ')} }` : base.optionsType;
  return { params, optionsType, optionsRequired: narrowed.length > 0, returnType };
}

function variantKey(condition: OverloadCondition, params: MethodParam[]): string {
  return 'param' in condition
    ? `#${params.findIndex((param) => param.name === condition.param)}`
    : condition.option;
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
    command.arguments ?? [],
    {
      commandSince: command.since,
      products: (sources) => {
        if (sources === undefined) return undefined;
        const mask = productMask(sources, byId);
        return mask === commandProducts ? undefined : mask;
      },
    },
    optionArguments(overlay),
  );
  const method = overlay?.method ?? methodName(command.name);
  const typeName = pascalCase(method);
  const hasOptions = argumentModel.options.length > 0;
  const optionsName = hasOptions ? `${typeName}Options` : undefined;
  const generalReply = replyType(command.reply);
  const replyName = generalReply.includes('{') ? `${typeName}Reply` : undefined;
  const base: SignatureModel = {
    params: argumentModel.params,
    ...(optionsName !== undefined ? { optionsType: optionsName } : {}),
    optionsRequired: false,
    returnType: replyName !== undefined ? `${replyName}<TString>` : generalReply,
  };
  const overloads = (overlay?.overloads ?? []).map((overload) =>
    overloadSignature(
      base,
      conditions(overload.when),
      argumentModel.options,
      replyType(overload.reply),
      command.name,
    ),
  );
  const variants = (overlay?.overloads ?? []).flatMap((overload) =>
    conditions(overload.when).map((condition) => ({
      when: variantKey(condition, argumentModel.params),
      ...('equals' in condition && condition.equals !== undefined
        ? { equals: condition.equals }
        : {}),
      plan: replyPlan(overload.reply),
    })),
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
    ...(optionsName !== undefined ? { optionsName } : {}),
    optionFields: argumentModel.options,
    ...(replyName !== undefined ? { replyName, replyTypeBody: generalReply } : {}),
    signatures: [...overloads, base],
    runtime: {
      words: sub === undefined ? [container!] : [container!, sub],
      products: commandProducts,
      args: argumentModel.runtime,
      params: argumentModel.params.length,
      hasOptions,
      keys: (command.keySpecs ?? []).map(keySpecPlan),
      reply: replyPlan(command.reply),
      variants,
      ...(policy(command.tips, 'request_policy:') !== undefined
        ? { requestPolicy: policy(command.tips, 'request_policy:') }
        : {}),
      ...(policy(command.tips, 'response_policy:') !== undefined
        ? { responsePolicy: policy(command.tips, 'response_policy:') }
        : {}),
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
