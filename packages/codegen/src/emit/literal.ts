/** Values that print as code (flag expressions) rather than as data. */
export class Code {
  constructor(readonly text: string) {}
}

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Prints a value as a TypeScript literal: unquoted keys where possible, single-quoted strings. */
export function toLiteral(value: unknown): string {
  if (value instanceof Code) return value.text;
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(toLiteral).join(', ')}]`;
  const fields = Object.entries(value)
    .filter(([, field]) => field !== undefined)
    .map(([key, field]) => `${identifier.test(key) ? key : toLiteral(key)}: ${toLiteral(field)}`);
  return `{ ${fields.join(', ')} }`;
}
