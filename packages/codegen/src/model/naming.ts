/**
 * Mechanical names for generated code. No hand word-splitting: exceptions belong in the overlay.
 */

/** `no-evict` → `noEvict`, `BITFIELD_RO` → `bitfieldRo`, `withscores` → `withscores`. */
export function camelCase(text: string): string {
  const words = text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
  return words
    .map((word, index) => (index === 0 ? word : word[0]!.toUpperCase() + word.slice(1)))
    .join('');
}

/** `clusterSlots` → `ClusterSlots` (type names from method names keep their word breaks). */
export function pascalCase(identifier: string): string {
  return identifier.length === 0 ? identifier : identifier[0]!.toUpperCase() + identifier.slice(1);
}

/** `CLIENT KILL` → `clientKill`, `CLUSTER COUNT-FAILURE-REPORTS` → `clusterCountFailureReports`. */
export function methodName(commandName: string): string {
  return camelCase(commandName);
}

const reservedWords = new Set([
  'break',
  'case',
  'catch',
  'class',
  'const',
  'continue',
  'debugger',
  'default',
  'delete',
  'do',
  'else',
  'enum',
  'export',
  'extends',
  'false',
  'finally',
  'for',
  'function',
  'if',
  'import',
  'in',
  'instanceof',
  'new',
  'null',
  'return',
  'super',
  'switch',
  'this',
  'throw',
  'true',
  'try',
  'typeof',
  'var',
  'void',
  'while',
  'with',
  'yield',
  'let',
  'static',
  'implements',
  'interface',
  'package',
  'private',
  'protected',
  'public',
  'await',
  'arguments',
  'eval',
]);

/** A parameter name that is a valid, non-reserved identifier. */
export function parameterName(argumentName: string): string {
  const name = camelCase(argumentName) || 'value';
  const safe = /^[0-9]/.test(name) ? `_${name}` : name;
  return reservedWords.has(safe) ? `${safe}Name` : safe;
}

/** A property key as written in a type literal: quoted when not an identifier. */
export function propertyKey(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : `'${key.replace(/'/g, "\\'")}'`;
}
