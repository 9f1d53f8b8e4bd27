import type { ReplySchema } from '../model/spec-types.js';

// Keywords that only carry prose. Upstream uses just `description`; the others are the remaining
// JSON-schema annotation keywords, dropped so future upstream prose cannot leak in.
const PROSE_KEYWORDS = new Set(['description', 'title', '$comment', 'examples']);

// Keywords whose value is a map from a *data* name to a subschema. Their keys are property names,
// so a property literally called "description" (FUNCTION LIST has one) must survive.
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions']);

// Keywords whose value is a subschema or an array of subschemas.
const SUBSCHEMAS = new Set([
  'items',
  'additionalItems',
  'prefixItems',
  'additionalProperties',
  'contains',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
  'anyOf',
  'oneOf',
  'allOf',
]);

/**
 * Returns a copy of an upstream reply schema without prose. Only schema positions are walked:
 * values such as `const` or `enum` are data and are copied untouched.
 */
export function stripReplySchema(schema: unknown): ReplySchema {
  if (typeof schema === 'boolean') return schema;
  if (!isObject(schema)) throw new Error(`reply schema must be an object or boolean`);
  const out: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (PROSE_KEYWORDS.has(keyword)) continue;
    out[keyword] = stripKeyword(keyword, value);
  }
  return out;
}

function stripKeyword(keyword: string, value: unknown): unknown {
  if (SCHEMA_MAPS.has(keyword) && isObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([name, sub]) => [name, stripReplySchema(sub)]),
    );
  }
  if (SUBSCHEMAS.has(keyword)) {
    return Array.isArray(value)
      ? value.map((sub) => stripReplySchema(sub))
      : stripReplySchema(value);
  }
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
