import type { SpecArgument } from '../model/spec-types.js';
import type { ImportedCommand, SourceRecord } from './imported-command.js';

/** Where a command's record lives under `specs/`: `CLIENT KILL` → `commands/client-kill.json`. */
export function commandFilePath(name: string): string {
  return `commands/${name.toLowerCase().replaceAll(' ', '-')}.json`;
}

// Field order of the interfaces in model/spec-types.ts (then imported-command.ts); the files list
// keys in this order.
const COMMAND_KEYS: readonly (keyof ImportedCommand)[] = [
  'name',
  'container',
  'group',
  'since',
  'valkeySince',
  'arity',
  'flags',
  'docFlags',
  'aclCategories',
  'deprecatedSince',
  'replacedBy',
  'tips',
  'keySpecs',
  'arguments',
  'reply',
  'replyDependsOn',
  'valkeyReply',
  'sources',
];
const ARGUMENT_KEYS: readonly (keyof SpecArgument)[] = [
  'name',
  'type',
  'token',
  'optional',
  'multiple',
  'multipleToken',
  'since',
  'deprecatedSince',
  'keySpecIndex',
  'display',
  'arguments',
  'sources',
];
const SOURCE_KEYS: readonly (keyof SourceRecord)[] = [
  'id',
  'product',
  'version',
  'license',
  'repository',
  'ref',
  'files',
  'path',
  'keepShapes',
];

/**
 * Renders the whole import output as path (relative to `specs/`) → file text: 2-space JSON with
 * a trailing newline and keys in interface order, so the bytes depend only on the data.
 */
export function renderSpecFiles(
  commands: readonly ImportedCommand[],
  sources: readonly SourceRecord[],
): Map<string, string> {
  const files = new Map<string, string>();
  for (const command of commands) {
    const path = commandFilePath(command.name);
    if (files.has(path)) throw new Error(`two commands map to ${path}; one is ${command.name}`);
    files.set(path, toJson(orderCommand(command)));
  }
  files.set('sources.json', toJson(sources.map((source) => pick(source, SOURCE_KEYS))));
  return files;
}

function orderCommand(command: ImportedCommand): Record<string, unknown> {
  return { ...pick(command, COMMAND_KEYS), arguments: command.arguments?.map(orderArgument) };
}

function orderArgument(argument: SpecArgument): Record<string, unknown> {
  return { ...pick(argument, ARGUMENT_KEYS), arguments: argument.arguments?.map(orderArgument) };
}

// Spreading over the picked object keeps each key's position, so `arguments` stays in place.
function pick<T extends object>(value: T, keys: readonly (keyof T)[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (value[key] !== undefined) out[key as string] = value[key];
  return out;
}

function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
