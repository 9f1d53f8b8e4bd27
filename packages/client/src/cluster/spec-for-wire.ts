import { commandTable, type CommandSpec, type RedisArgument } from '@redspec/types';

/** Every spec by its words (`GET`, `CLIENT KILL`), built on first use. */
let byWords: Map<string, CommandSpec> | undefined;
/** First words that only name a container (`CLIENT`, `CONFIG`): the second word decides. */
let containers: Set<string> | undefined;

function tables(): { byWords: Map<string, CommandSpec>; containers: Set<string> } {
  if (byWords === undefined || containers === undefined) {
    byWords = new Map();
    containers = new Set();
    for (const spec of Object.values(commandTable)) {
      byWords.set(spec.words.join(' '), spec);
      if (spec.words.length > 1) containers.add(spec.words[0]!);
    }
  }
  return { byWords, containers };
}

const word = (argument: RedisArgument | undefined): string => String(argument ?? '').toUpperCase();

/**
 * The spec of an encoded command, found from its first words; undefined for commands the
 * table does not know (a module's, sent as raw arguments). A transport only sees wire arrays,
 * so cluster batches find each command's key specs and request policy this way.
 *
 * @example
 * specForWire(['CLIENT', 'KILL', 'ID', 7])?.name; // 'CLIENT KILL'
 */
export function specForWire(wire: readonly RedisArgument[]): CommandSpec | undefined {
  const { byWords, containers } = tables();
  const first = word(wire[0]);
  if (containers.has(first) && wire.length > 1) {
    const spec = byWords.get(`${first} ${word(wire[1])}`);
    if (spec !== undefined) return spec;
  }
  return byWords.get(first);
}
