/**
 * Readings of reply-schema keywords beyond plain JSON schema types: local `$ref`s, fixed-length
 * lists, pattern-named fields, and two keywords of our own (overlay only, see
 * specs/overlay/README.md): `x-sent-as-text`, the value arrives as text and is parsed into what
 * the schema says; `x-simple-string`, a status reply that stays a JavaScript string even where
 * bulk strings are Buffers.
 */

type Schema = { readonly [keyword: string]: unknown };

/** `#/definitions/argument` → `argument`; other pointers are not supported. */
export function definitionName(ref: unknown): string {
  const match = typeof ref === 'string' ? /^#\/definitions\/([\w-]+)$/.exec(ref) : null;
  if (match === null)
    throw new Error(`unsupported $ref ${String(ref)}: use '#' or '#/definitions/<name>'`);
  return match[1]!;
}

/** Longest list typed as a tuple when its length is fixed (TIME's pair, GEOPOS' coordinates). */
const MAX_TUPLE = 8;

/** The length of a list whose `minItems` and `maxItems` agree, if small. */
export function fixedLength(node: Schema): number | undefined {
  const { minItems, maxItems } = node;
  return typeof minItems === 'number' &&
    minItems === maxItems &&
    minItems > 0 &&
    minItems <= MAX_TUPLE
    ? minItems
    : undefined;
}

/** `^db\.\d+$` → `` `db.${number}` ``: a key type TypeScript can check. */
function templateKey(pattern: string): string | undefined {
  const match = /^\^((?:[A-Za-z0-9_-]|\\\.)*)(?:\\d\+|\[0-9\]\+)\$$/.exec(pattern);
  return match === null ? undefined : `\`${match[1]!.replaceAll('\\.', '.')}\${number}\``;
}

/**
 * An index signature for fields beyond the named ones: `` [field: `db.${number}`]: T `` for a
 * pattern TypeScript can express, else `[field: string]: T | <named fields it also covers>`.
 * `named(regex)` gives the types of the named fields the pattern matches.
 */
export function indexSignature(
  pattern: string | undefined,
  type: string,
  named: (key: RegExp) => string[],
): string {
  const template = pattern === undefined ? undefined : templateKey(pattern);
  const key = template ?? 'string';
  const matched = named(
    pattern === undefined || template === undefined ? /^/ : new RegExp(pattern),
  );
  const types = [
    ...new Set([type, ...matched].flatMap((t) => (/&/.test(t) ? [`(${t})`] : t.split(' | ')))),
  ];
  return `[field: ${key}]: ${types.join(' | ')}`;
}

/** Whether the overlay marks the value as sent as text (`"x-sent-as-text": true`). */
export function sentAsText(node: Schema): boolean {
  return node['x-sent-as-text'] === true;
}

/** Whether the overlay marks a string as a simple-string (status) reply. */
export function simpleString(node: Schema): boolean {
  return node['x-simple-string'] === true;
}
