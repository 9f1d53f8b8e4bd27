import type { ArgumentOverlay, CommandOverlay } from './overlay-types.js';
import type { SpecArgument, SpecCommand } from './spec-types.js';

/** Finds the argument at a dotted name path (`limit.count`); a bare name matches at any depth. */
function matches(path: string[], trail: string[]): boolean {
  if (path.length === 1) return trail[trail.length - 1] === path[0];
  return path.join('.') === trail.join('.');
}

function patchArguments(
  args: SpecArgument[],
  patches: [string[], ArgumentOverlay][],
  trail: string[],
  used: Set<string>,
): SpecArgument[] {
  return args.map((arg) => {
    const here = [...trail, arg.name];
    let patched: SpecArgument = { ...arg };
    for (const [path, patch] of patches) {
      if (!matches(path, here)) continue;
      used.add(path.join('.'));
      if (patch.type !== undefined) patched = { ...patched, type: patch.type };
      if (patch.tsType !== undefined) patched = { ...patched, tsType: patch.tsType };
      if (patch.key !== undefined) patched = { ...patched, optionKey: patch.key };
    }
    if (patched.arguments !== undefined) {
      patched.arguments = patchArguments(patched.arguments, patches, here, used);
    }
    return patched;
  });
}

/** The command with the overlay's errata applied; unknown argument paths are an error. */
export function applyOverlay(
  command: SpecCommand,
  overlay: CommandOverlay | undefined,
): SpecCommand {
  if (overlay === undefined) return command;
  const patches = Object.entries(overlay.arguments ?? {}).map(
    ([path, patch]) => [path.split('.'), patch] as [string[], ArgumentOverlay],
  );
  const used = new Set<string>();
  const args = patchArguments(command.arguments ?? [], patches, [], used);
  const unused = patches.map(([path]) => path.join('.')).filter((path) => !used.has(path));
  if (unused.length > 0) {
    throw new Error(`overlay for ${command.name}: no argument named ${unused.join(', ')}`);
  }
  return {
    ...command,
    arguments: args,
    ...(overlay.reply !== undefined ? { reply: overlay.reply } : {}),
    ...(overlay.tips !== undefined ? { tips: mergeTips(command.tips, overlay.tips) } : {}),
  };
}

/** The spec's tips, but for those of a kind (`request_policy`) the overlay gives. */
function mergeTips(spec: readonly string[] | undefined, ours: readonly string[]): string[] {
  const kind = (tip: string): string => tip.split(':')[0]!.toLowerCase();
  const replaced = new Set(ours.map(kind));
  return [...(spec ?? []).filter((tip) => !replaced.has(kind(tip))), ...ours];
}

/** Names of top-level arguments the overlay moves into the options object. */
export function optionArguments(overlay: CommandOverlay | undefined): Set<string> {
  return new Set(
    Object.entries(overlay?.arguments ?? {})
      .filter(([, patch]) => patch.asOption === true)
      .map(([path]) => path),
  );
}
