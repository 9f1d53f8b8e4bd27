import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { buildModels, type CommandModel } from '../model/command-model.js';
import type { LoadedSpec } from '../model/load-spec.js';
import type { Overlay } from '../model/overlay-types.js';

/** A new untokened optional argument the update moves into its command's options object. */
export interface OptionMove {
  command: string;
  method: string;
  argument: string;
}

// Argument names of a model's positional parameters, in order.
const positionals = (model: CommandModel): string[] =>
  model.runtime.args.flatMap((arg) => (arg.param === undefined ? [] : [arg.name]));

/**
 * New trailing optional bare arguments that the generator would make optional positionals in
 * front of an existing `options` parameter: upstream's CLIENT LIST `[user]` after `[TYPE …]`
 * turned `clientList({ type })` into `clientList(user?, options?)`, breaking every caller. Where
 * the method already took options, the argument goes in them (`asOption` in the overlay), which
 * is additive; where it took none, a trailing positional is additive already.
 */
export function findOptionMoves(before: LoadedSpec, after: LoadedSpec): OptionMove[] {
  if (before.commands.length === 0) return [];
  const old = new Map(buildModels(before).map((model) => [model.method, model]));
  const known = new Map(before.commands.map((command) => [command.name, command]));
  const current = new Map(after.commands.map((command) => [command.name, command]));
  return buildModels(after).flatMap((model) => {
    const was = old.get(model.method);
    if (was?.optionsName === undefined) return [];
    const hadArgument = new Set((known.get(model.name)?.arguments ?? []).map((arg) => arg.name));
    // New to the command, not renamed: the merge follows renames, so a renamed argument has
    // every source of its command, and a new one lacks the command's first.
    const command = current.get(model.name);
    const isNew = (name: string): boolean => {
      const arg = command?.arguments?.find((candidate) => candidate.name === name);
      return arg?.sources !== undefined && !arg.sources.includes(command!.sources[0]!);
    };
    const params = positionals(model);
    return params
      .filter(
        (name, index) =>
          !hadArgument.has(name) && isNew(name) && model.signatures.at(-1)!.params[index]!.optional,
      )
      .map((argument) => ({ command: model.name, method: model.method, argument }));
  });
}

/** The overlay files the moves change, with their new text (`asOption` entries added). */
export async function overlayWithMoves(
  overlayDir: string,
  moves: readonly OptionMove[],
): Promise<Map<string, string>> {
  const names = existsSync(overlayDir)
    ? (await readdir(overlayDir)).filter((name) => name.endsWith('.json')).sort()
    : [];
  const contents = new Map<string, Overlay>();
  for (const name of names) {
    contents.set(name, JSON.parse(await readFile(join(overlayDir, name), 'utf8')) as Overlay);
  }
  const changed = new Set<string>();
  for (const move of moves) {
    // loadOverlay allows one file per field of a command: join the file that has its arguments.
    const file =
      names.find((name) => contents.get(name)![move.command]?.arguments !== undefined) ??
      'argument-errata.json';
    const entries = contents.get(file) ?? {};
    const entry = (entries[move.command] ??= {
      why: 'An optional argument added after the options would have become a positional in front of them; as an option it keeps existing calls working.',
    });
    entry.arguments = { ...entry.arguments, [move.argument]: { asOption: true } };
    contents.set(file, sortKeys(entries));
    changed.add(file);
  }
  return new Map(
    [...changed].map((file) => [file, `${JSON.stringify(contents.get(file), null, 2)}\n`]),
  );
}

function sortKeys(entries: Overlay): Overlay {
  return Object.fromEntries(
    Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}
