import type { ImportedCommand } from '../import/imported-command.js';
import type { SpecArgument, SpecSource } from '../model/spec-types.js';

/** A spec narrowed to what one source, or one product's sources, have. */
export interface TargetSpec {
  sources: SpecSource[];
  commands: ImportedCommand[];
}

/**
 * The sources a target names: a source id (`redis-7.2.6`) or a product (`redis`, `valkey`, all
 * of its imported releases).
 */
export function targetSources(sources: readonly SpecSource[], target: string): SpecSource[] {
  const chosen = sources.filter((source) => source.id === target || source.product === target);
  if (chosen.length === 0) {
    const known = [...new Set(sources.flatMap((source) => [source.product, source.id]))];
    throw new Error(`unknown target ${target}; one of: ${known.join(', ')}`);
  }
  return chosen;
}

// Numeric comparison of dotted versions; a suffix such as `-dev` is ignored.
function newer(version: string, than: string): boolean {
  const parts = (text: string): number[] => text.split(/[.-]/).map((part) => Number(part) || 0);
  const [a, b] = [parts(version), parts(than)];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return false;
}

/**
 * Keeps the commands and arguments whose `sources` meet the target's. Facts stated in versions
 * (since, deprecation) are restated for the target's product, and a Valkey target takes Valkey's
 * own reply where it differs (`valkeyReply`); other facts stay those of the newest source, which
 * the merged spec is all that is kept of (see docs/targets.md).
 */
export function specForTarget(
  spec: { sources: readonly SpecSource[]; commands: readonly ImportedCommand[] },
  target: string,
): TargetSpec {
  const chosen = targetSources(spec.sources, target);
  const ids = new Set(chosen.map((source) => source.id));
  const product = chosen[0]!.product;
  const newest = chosen.at(-1)!.version;
  const productOf = new Map(spec.sources.map((source) => [source.id, source.product]));
  const commands = spec.commands.flatMap((command) => {
    const sources = command.sources.filter((id) => ids.has(id));
    if (sources.length === 0) return [];
    const { valkeySince, deprecatedSince, replacedBy, valkeyReply, replyDependsOn, ...rest } =
      command;
    // Indexes into the Redis reply's alternatives mean nothing for Valkey's own reply.
    const reply =
      product === 'valkey' && valkeyReply !== undefined
        ? { reply: valkeyReply }
        : replyDependsOn !== undefined
          ? { replyDependsOn }
          : {};
    const lineage = productOf.get(command.sources[0]!);
    const since =
      product === 'valkey' && lineage !== 'valkey' ? (valkeySince ?? command.since) : command.since;
    // Deprecation is kept only in its own product's numbers, and only once the target has it.
    const deprecated =
      deprecatedSince !== undefined && lineage === product && !newer(deprecatedSince, newest);
    return [
      {
        ...rest,
        ...reply,
        since,
        ...(deprecated ? { deprecatedSince, ...(replacedBy ? { replacedBy } : {}) } : {}),
        ...(command.arguments ? { arguments: keepArguments(command.arguments, ids, sources) } : {}),
        sources,
      },
    ];
  });
  return { sources: chosen, commands };
}

function keepArguments(
  args: readonly SpecArgument[],
  ids: ReadonlySet<string>,
  commandSources: readonly string[],
): SpecArgument[] {
  return args.flatMap((arg) => {
    const sources = arg.sources?.filter((id) => ids.has(id));
    if (sources !== undefined && sources.length === 0) return [];
    const { sources: _all, arguments: children, ...rest } = arg;
    const partial = sources !== undefined && sources.length < commandSources.length;
    const kept = children && keepArguments(children, ids, commandSources);
    // A oneof none of whose choices the target has was a plain value there: 7.0's BITOP took
    // `operation` as a string before 7.2 spelled out AND, OR, XOR and NOT.
    const plain = kept !== undefined && kept.length === 0;
    return [
      {
        ...rest,
        ...(plain ? { type: 'string' as const } : kept ? { arguments: kept } : {}),
        ...(partial ? { sources } : {}),
      },
    ];
  });
}
