import { propertyKey } from './naming.js';
import type { RuntimePlan } from './runtime-spec.js';
import type { ReplySchema } from './spec-types.js';

type Schema = { [keyword: string]: unknown };

/** The placeholder for bulk strings in reply types: the context's string type. */
export const STRING_TYPE = 'TString';

/**
 * The placeholder for integer replies: the context's integer type, `number` by default and
 * `bigint` in a bigint mode, so 64-bit values need not be rounded.
 */
export const INTEGER_TYPE = 'TInteger';

/** The placeholder for `$ref: '#'` (COMMAND DOCS' subcommands): the reply type itself. */
export const SELF_TYPE = 'TSelf';

const asSchema = (schema: unknown): Schema | undefined =>
  typeof schema === 'object' && schema !== null && !Array.isArray(schema)
    ? (schema as Schema)
    : undefined;

function alternatives(schema: Schema): unknown[] | undefined {
  const list = schema.oneOf ?? schema.anyOf;
  return Array.isArray(list) ? list : undefined;
}

const integerLiteral = new RegExp(`^\\((.*)\\) & ${INTEGER_TYPE}$`);

function union(types: string[]): string {
  const unique = [...new Set(types)];
  if (unique.includes('unknown')) return 'unknown';
  // `(0 | 0n) & TInteger | (1 | 1n) & TInteger` reads better as one `(0 | 1 | 0n | 1n) & TInteger`.
  const integers = unique.flatMap((type) => integerLiteral.exec(type)?.[1]?.split(' | ') ?? []);
  const others = unique.filter((type) => !integerLiteral.test(type));
  // Any integer already covers every integer constant.
  if (integers.length > 0 && !others.includes(INTEGER_TYPE)) {
    const numbers = integers.filter((value) => !value.endsWith('n'));
    const bigints = integers.filter((value) => value.endsWith('n'));
    others.push(`(${[...new Set([...numbers, ...bigints])].join(' | ')}) & ${INTEGER_TYPE}`);
  }
  return others.length === 0 ? 'never' : others.join(' | ');
}

/**
 * An integer constant is both its number and its bigint literal, cut down to the context's
 * integer type: `(1 | 1n) & number` is `1`, `(1 | 1n) & bigint` is `1n`. Without it a bigint
 * mode would still promise the number `1` (or, intersected alone, promise `never`).
 */
function literal(value: unknown): string {
  if (typeof value === 'number' && Number.isInteger(value)) {
    return `(${value} | ${value}n) & ${INTEGER_TYPE}`;
  }
  return typeof value === 'string' ? `'${value.replace(/'/g, "\\'")}'` : JSON.stringify(value);
}

/** Parenthesizes a union so it can take `[]`. */
const arrayOf = (type: string): string => (/[|&]/.test(type) ? `Array<${type}>` : `${type}[]`);

/** The RESP3-shaped TypeScript type of a reply schema. */
export function replyType(schema: ReplySchema | undefined): string {
  const node = asSchema(schema);
  if (node === undefined) return 'unknown';
  if ('const' in node) return literal(node.const);
  if (node.$ref === '#') return SELF_TYPE;
  if (Array.isArray(node.enum)) return union(node.enum.map(literal));
  const options = alternatives(node);
  if (options !== undefined)
    return union(options.map((option) => replyType(option as ReplySchema)));
  const type = node.type;
  if (Array.isArray(type)) return union(type.map((t) => replyType({ ...node, type: t })));
  switch (type) {
    case 'string':
      return STRING_TYPE;
    case 'integer':
      return INTEGER_TYPE;
    case 'number':
      return 'number';
    case 'null':
      return 'null';
    case 'boolean':
      return 'boolean';
    case 'array':
      return arrayType(node);
    case 'object':
      return objectType(node);
    default:
      return 'unknown';
  }
}

function arrayType(node: Schema): string {
  if (node.maxItems === 0) return '[]';
  if (Array.isArray(node.items)) {
    const items = node.items.map((item) => replyType(item as ReplySchema));
    const extra = asSchema(node.additionalItems);
    const rest = extra !== undefined ? [`...${arrayOf(replyType(extra))}`] : [];
    return `[${[...items, ...rest].join(', ')}]`;
  }
  return arrayOf(node.items === undefined ? 'unknown' : replyType(node.items as ReplySchema));
}

function objectType(node: Schema): string {
  const properties = asSchema(node.properties);
  const required = new Set(Array.isArray(node.required) ? (node.required as string[]) : []);
  const restTypes = restSchemas(node).map((schema) => replyType(schema));
  if (properties === undefined)
    return `Record<string, ${union(restTypes.length ? restTypes : ['unknown'])}>`;
  const fields = Object.entries(properties).map(
    ([name, schema]) =>
      `${propertyKey(name)}${required.has(name) ? '' : '?'}: ${replyType(schema as ReplySchema)}`,
  );
  const literalType = `{ ${fields.join('; ')} }`;
  return restTypes.length === 0
    ? literalType
    : `${literalType} & Record<string, ${union(restTypes)}>`;
}

/** Schemas for fields not named in `properties`. */
function restSchemas(node: Schema): ReplySchema[] {
  const rest: ReplySchema[] = [];
  const additional = node.additionalProperties;
  if (asSchema(additional) !== undefined) rest.push(additional as ReplySchema);
  const patterns = asSchema(node.patternProperties);
  if (patterns !== undefined) rest.push(...(Object.values(patterns) as ReplySchema[]));
  return rest;
}

const isPassThrough = (plan: RuntimePlan): boolean => plan === 0;

/**
 * How the runtime turns a decoded reply (RESP2 or RESP3) into the shape `replyType` promises.
 * `inArray`: tuples inside arrays must keep their plan, since RESP2 sends them flattened.
 */
export function replyPlan(schema: ReplySchema | undefined, inArray = false): RuntimePlan {
  const node = asSchema(schema);
  if (node === undefined || 'const' in node) return 0;
  if (node.$ref === '#') return 'root';
  const options = alternatives(node);
  if (options !== undefined) {
    const plans = options.map((option) => replyPlan(option as ReplySchema, inArray));
    return plans.every(isPassThrough) ? 0 : { union: plans };
  }
  switch (node.type) {
    case 'number':
      return 'double';
    case 'array':
      return arrayPlan(node, inArray);
    case 'object':
      return objectPlan(node);
    default:
      return 0;
  }
}

function arrayPlan(node: Schema, inArray: boolean): RuntimePlan {
  if (Array.isArray(node.items)) {
    const tuple = node.items.map((item) => replyPlan(item as ReplySchema));
    const rest =
      asSchema(node.additionalItems) !== undefined
        ? replyPlan(node.additionalItems as ReplySchema)
        : 0;
    if (!inArray && tuple.every(isPassThrough) && isPassThrough(rest)) return 0;
    return isPassThrough(rest) ? { tuple } : { tuple, rest };
  }
  const item = replyPlan(node.items as ReplySchema | undefined, true);
  return isPassThrough(item) ? 0 : { array: item };
}

/** Objects always need a plan: RESP2 sends them as flat field/value arrays. */
function objectPlan(node: Schema): RuntimePlan {
  const properties = asSchema(node.properties);
  const rest = restSchemas(node).map((schema) => replyPlan(schema));
  const restPlan: RuntimePlan =
    rest.length === 0 || rest.every(isPassThrough)
      ? 0
      : rest.length === 1
        ? rest[0]!
        : { union: rest };
  if (properties === undefined) return { map: restPlan };
  const object: Record<string, RuntimePlan> = {};
  for (const [name, schema] of Object.entries(properties)) {
    object[name] = replyPlan(schema as ReplySchema);
  }
  return isPassThrough(restPlan) ? { object } : { object, rest: restPlan };
}
