/**
 * Parses the `k=v k=v …` text of CLIENT INFO (one line) and CLIENT LIST (one line per client)
 * into objects. A value runs to the next space: the server refuses spaces in the values it
 * prints this way (client names, library names), and every field is kept, so nothing the
 * server sent is lost. `String(record)` gives back the line as sent.
 */
export function parseTextRecord(
  line: string,
  field: (name: string, value: string) => unknown,
): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const pair of line.trim().split(' ')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const name = equals === -1 ? pair : pair.slice(0, equals);
    const value = equals === -1 ? '' : pair.slice(equals + 1);
    // A field named __proto__ must stay data, not replace the object's prototype.
    Object.defineProperty(record, name, {
      value: field(name, value),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  // Not enumerable: the record compares, spreads and serializes as its fields alone.
  Object.defineProperty(record, 'toString', { value: () => line.trimEnd(), configurable: true });
  return record;
}

/** One record per non-empty line. */
export function parseTextRecords(
  text: string,
  field: (name: string, value: string) => unknown,
): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => parseTextRecord(line, field));
}
