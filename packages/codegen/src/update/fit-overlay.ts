import { buildCommandModel } from '../model/command-model.js';
import type { LoadedSpec } from '../model/load-spec.js';
import type { CommandOverlay, Overlay } from '../model/overlay-types.js';
import type { SpecCommand } from '../model/spec-types.js';

/** The overlay narrowed to a spec, and a line for each part left out. */
export interface FittedOverlay {
  overlay: Overlay;
  dropped: string[];
}

function builds(command: SpecCommand, entry: CommandOverlay, spec: LoadedSpec): boolean {
  try {
    buildCommandModel(command, entry, spec);
    return true;
  } catch {
    return false;
  }
}

/**
 * Drops the overlay parts a narrowed spec cannot take: entries for commands it lacks, argument
 * errata for arguments it lacks, overloads keyed on options it lacks. The repository's own
 * generation stays strict (a stale overlay entry is an error there); a target surface is by
 * design a subset of the spec the overlay was written for.
 */
export function fitOverlay(spec: LoadedSpec): FittedOverlay {
  const byName = new Map(spec.commands.map((command) => [command.name, command]));
  const overlay: Overlay = {};
  const dropped: string[] = [];
  for (const [name, entry] of Object.entries(spec.overlay)) {
    const command = byName.get(name);
    if (command === undefined) {
      dropped.push(`${name}: not in the target`);
      continue;
    }
    if (builds(command, entry, spec)) {
      overlay[name] = entry;
      continue;
    }
    const { arguments: patches = {}, overloads = [], ...rest } = entry;
    const fitted: CommandOverlay = { ...rest, arguments: {}, overloads: [] };
    for (const [path, patch] of Object.entries(patches)) {
      const candidate = { ...fitted, arguments: { ...fitted.arguments, [path]: patch } };
      if (builds(command, candidate, spec)) fitted.arguments = candidate.arguments;
      else dropped.push(`${name}: argument ${path}`);
    }
    overloads.forEach((overload, index) => {
      const candidate = { ...fitted, overloads: [...fitted.overloads!, overload] };
      if (builds(command, candidate, spec)) fitted.overloads = candidate.overloads;
      else dropped.push(`${name}: overload ${index + 1} (${JSON.stringify(overload.when)})`);
    });
    overlay[name] = fitted;
  }
  return { overlay, dropped };
}
