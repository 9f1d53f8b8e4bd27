import type { CommandSpec } from './command-spec.js';
import { commandTable } from './generated/command-table.js';
import type { RedisArgument } from './resp-values.js';

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
 * The spec of a command given as raw words (`sendCommand(['CLIENT', 'KILL', …])`), so raw
 * commands get the same guard, blocking detection and cluster routing as typed ones; undefined
 * for commands the table does not know (a module's). Used once, where a raw command enters.
 *
 * @example
 * findCommandSpec(['CLIENT', 'KILL', 'ID', 7])?.name; // 'CLIENT KILL'
 */
export function findCommandSpec(args: readonly RedisArgument[]): CommandSpec | undefined {
  const { byWords, containers } = tables();
  const first = word(args[0]);
  if (containers.has(first) && args.length > 1) {
    const spec = byWords.get(`${first} ${word(args[1])}`);
    if (spec !== undefined) return spec;
  }
  return byWords.get(first);
}
