import { pascalCase, propertyKey } from './naming.js';
import {
  definitionName,
  fixedLength,
  indexSignature,
  sentAsText,
  simpleString,
} from './reply-schema.js';
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

/** The placeholder for `$ref: '#/definitions/<name>'`: `TDef` + the PascalCased name. */
export const DEFINITION_TYPE = 'TDef';

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

/** The type a `$ref` stands for: the reply itself, or one of its definitions. */
function referenceType(ref: unknown): string {
  if (ref === '#') return SELF_TYPE;
  return `${DEFINITION_TYPE}${pascalCase(definitionName(ref))}`;
}

/**
 * The RESP3-shaped TypeScript type of a reply schema: the value a caller gets, so a value the
 * server sends as text (`x-sent-as-text`) is typed as what it is parsed into.
 */
export function replyType(schema: ReplySchema | undefined): string {
  const node = asSchema(schema);
  if (node === undefined) return 'unknown';
  if ('const' in node) return literal(node.const);
  if (node.$ref !== undefined) return referenceType(node.$ref);
  if (Array.isArray(node.enum)) return union(node.enum.map(literal));
  // Text is parsed into JavaScript strings, even where bulk strings would be Buffers.
  if (sentAsText(node)) {
    const parsed = replyType({ ...node, 'x-sent-as-text': false });
    return parsed.replace(new RegExp(`\\b${STRING_TYPE}\\b`, 'g'), 'string');
  }
  const options = alternatives(node);
  if (options !== undefined)
    return union(options.map((option) => replyType(option as ReplySchema)));
  const type = node.type;
  if (Array.isArray(type)) return union(type.map((t) => replyType({ ...node, type: t })));
  switch (type) {
    case 'string':
      // The decoder keeps simple strings (`+none`) as JavaScript strings in binary mode too.
      return simpleString(node) ? 'string' : STRING_TYPE;
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
  const item = node.items === undefined ? 'unknown' : replyType(node.items as ReplySchema);
  // TIME's two strings are a pair, not a list.
  const length = fixedLength(node);
  return length !== undefined ? `[${Array<string>(length).fill(item).join(', ')}]` : arrayOf(item);
}

function objectType(node: Schema): string {
  const properties = asSchema(node.properties);
  const required = new Set(Array.isArray(node.required) ? (node.required as string[]) : []);
  const rest = restSchemas(node);
  if (properties === undefined) {
    const types = rest.map(([, schema]) => replyType(schema));
    return `Record<string, ${union(types.length ? types : ['unknown'])}>`;
  }
  const fields = Object.entries(properties).map(
    ([name, schema]) =>
      `${propertyKey(name)}${required.has(name) ? '' : '?'}: ${replyType(schema as ReplySchema)}`,
  );
  // Other fields go in index signatures that also admit the named ones (an intersection with a
  // Record would demand every named field be the Record's type too: MEMORY STATS' numbers).
  const named = Object.entries(properties).map(([name, schema]) => ({
    name,
    type: `${replyType(schema as ReplySchema)}${required.has(name) ? '' : ' | undefined'}`,
  }));
  const signatures = rest.map(([pattern, schema]) =>
    indexSignature(pattern, replyType(schema), (key) =>
      named.filter((field) => key.test(field.name)).map((field) => field.type),
    ),
  );
  return `{ ${[...fields, ...signatures].join('; ')} }`;
}

/** Schemas for fields not named in `properties`, with their name pattern (undefined: any). */
function restSchemas(node: Schema): [string | undefined, ReplySchema][] {
  const rest: [string | undefined, ReplySchema][] = [];
  const additional = node.additionalProperties;
  if (asSchema(additional) !== undefined) rest.push([undefined, additional as ReplySchema]);
  const patterns = asSchema(node.patternProperties);
  if (patterns !== undefined) {
    for (const [pattern, schema] of Object.entries(patterns)) {
      rest.push([pattern, schema as ReplySchema]);
    }
  }
  return rest;
}

const isPassThrough = (plan: RuntimePlan): boolean => plan === 0;

/** Where the plan walk is: definitions it is inside (for `'again'`), the reply's root schema. */
interface PlanContext {
  readonly root: Schema | undefined;
  readonly inside: readonly string[];
}

/**
 * How the runtime turns a decoded reply (RESP2 or RESP3) into the shape `replyType` promises.
 * `inArray`: tuples inside arrays must keep their plan, since RESP2 sends them flattened.
 */
export function replyPlan(schema: ReplySchema | undefined): RuntimePlan {
  const root = asSchema(schema);
  return planOf(schema, false, { root, inside: [] });
}

function planOf(schema: ReplySchema | undefined, inArray: boolean, ctx: PlanContext): RuntimePlan {
  const node = asSchema(schema);
  if (node === undefined || 'const' in node) return 0;
  if (node.$ref !== undefined) return referencePlan(node.$ref, ctx);
  if (sentAsText(node)) return textPlan(node, ctx);
  const options = alternatives(node);
  if (options !== undefined) {
    const plans = options.map((option) => planOf(option as ReplySchema, inArray, ctx));
    return plans.every(isPassThrough) ? 0 : { union: plans };
  }
  switch (node.type) {
    case 'number':
      return 'double';
    case 'array':
      return arrayPlan(node, inArray, ctx);
    case 'object':
      return objectPlan(node, ctx);
    default:
      return 0;
  }
}

/**
 * `$ref: '#'` is the whole reply again; `#/definitions/<name>` is that definition's plan, which
 * refers to itself as `'again'` (only self-recursion is supported: one loop per definition).
 */
function referencePlan(ref: unknown, ctx: PlanContext): RuntimePlan {
  if (ref === '#') return 'root';
  const name = definitionName(ref);
  if (ctx.inside.at(-1) === name) return 'again';
  if (ctx.inside.includes(name)) throw new Error(`$ref ${String(ref)}: only self-recursion`);
  const definitions = asSchema(ctx.root?.definitions);
  const definition = definitions?.[name] as ReplySchema | undefined;
  if (definition === undefined) throw new Error(`$ref ${String(ref)}: no such definition`);
  const plan = planOf(definition, false, { ...ctx, inside: [...ctx.inside, name] });
  return JSON.stringify(plan).includes('"again"') ? { loop: plan } : plan;
}

/**
 * Values the server sends as text: an integer (XPENDING's counts), `k=v` records (CLIENT INFO)
 * or one record per line (CLIENT LIST), whose fields are all text too.
 */
function textPlan(node: Schema, ctx: PlanContext): RuntimePlan {
  if (node.type === 'integer') return 'integer';
  if (node.type === 'number') return 'double';
  const record = node.type === 'array' ? asSchema(node.items) : node;
  const properties = asSchema(record?.properties) ?? {};
  const fields: Record<string, RuntimePlan> = {};
  for (const [name, schema] of Object.entries(properties)) {
    const field = asSchema(schema);
    if (field?.type === 'integer' || field?.type === 'number') {
      fields[name] = textPlan(field, ctx);
    }
  }
  return node.type === 'array' ? { records: fields } : { record: fields };
}

function arrayPlan(node: Schema, inArray: boolean, ctx: PlanContext): RuntimePlan {
  if (Array.isArray(node.items)) {
    const tuple = node.items.map((item) => planOf(item as ReplySchema, false, ctx));
    const rest =
      asSchema(node.additionalItems) !== undefined
        ? planOf(node.additionalItems as ReplySchema, false, ctx)
        : 0;
    if (!inArray && tuple.every(isPassThrough) && isPassThrough(rest)) return 0;
    return isPassThrough(rest) ? { tuple } : { tuple, rest };
  }
  const item = planOf(node.items as ReplySchema | undefined, true, ctx);
  return isPassThrough(item) ? 0 : { array: item };
}

/** Objects always need a plan: RESP2 sends them as flat field/value arrays. */
function objectPlan(node: Schema, ctx: PlanContext): RuntimePlan {
  const properties = asSchema(node.properties);
  const rest = restSchemas(node).map(([, schema]) => planOf(schema, false, ctx));
  const restPlan: RuntimePlan =
    rest.length === 0 || rest.every(isPassThrough)
      ? 0
      : rest.length === 1
        ? rest[0]!
        : { union: rest };
  if (properties === undefined) return { map: restPlan };
  const object: Record<string, RuntimePlan> = {};
  for (const [name, schema] of Object.entries(properties)) {
    object[name] = planOf(schema as ReplySchema, false, ctx);
  }
  return isPassThrough(restPlan) ? { object } : { object, rest: restPlan };
}

/** The `definitions` of a reply schema, each to be emitted as a named type. */
export function replyDefinitions(schema: ReplySchema | undefined): [string, ReplySchema][] {
  const definitions = asSchema(asSchema(schema)?.definitions);
  return Object.entries(definitions ?? {}).map(([name, definition]) => [
    name,
    definition as ReplySchema,
  ]);
}
