import type { SpecArgument, SpecArgumentType } from '../model/spec-types.js';
import type { UpstreamArgument } from './upstream-types.js';

const ARGUMENT_TYPES: ReadonlySet<string> = new Set<SpecArgumentType>([
  'string',
  'integer',
  'double',
  'key',
  'pattern',
  'unix-time',
  'pure-token',
  'oneof',
  'block',
]);

/** Converts one upstream argument (and its nested arguments) to our camelCased, facts-only shape. */
export function normalizeArgument(raw: UpstreamArgument, where: string): SpecArgument {
  const at = `${where}/${raw.name}`;
  if (typeof raw.name !== 'string') throw new Error(`${where}: argument without a name`);
  if (!ARGUMENT_TYPES.has(raw.type)) throw new Error(`${at}: unknown argument type "${raw.type}"`);
  return compact({
    name: raw.name,
    type: raw.type as SpecArgumentType,
    token: raw.token,
    optional: raw.optional === true ? true : undefined,
    multiple: raw.multiple === true ? true : undefined,
    multipleToken: raw.multiple_token === true ? true : undefined,
    since: raw.since,
    deprecatedSince: raw.deprecated_since,
    keySpecIndex: raw.key_spec_index,
    display: raw.display,
    arguments: raw.arguments?.map((child) => normalizeArgument(child, at)),
  });
}

/** Drops keys whose value is `undefined`, so objects compare and serialize without them. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
