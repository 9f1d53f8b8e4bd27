import type { SpecArgument } from '../model/spec-types.js';
import type { MergedArgument } from './merged-argument.js';

/**
 * Pairs each incoming argument of one source with the merged argument it continues, or with
 * nothing if it is new. Returns one entry per incoming argument.
 *
 * First by name. Then, because upstream renamed many arguments without changing the wire
 * (redis 7.2 renamed `offset_count` to `limit`, `groupname` to `group`, …; Valkey renamed
 * `master-name` to `primary-name`), a leftover incoming argument is paired with a leftover merged
 * argument lying between the same name-matched neighbours when both look the same on the wire
 * (see `sameOnWire`). Pairs never cross, so wire order is kept.
 */
export function matchArguments(
  merged: readonly MergedArgument[],
  incoming: readonly SpecArgument[],
): (MergedArgument | undefined)[] {
  const taken = new Set<MergedArgument>();
  const byName = incoming.map((argument) => {
    const match = merged.find((m) => !taken.has(m) && m.shape.name === argument.name);
    if (match) taken.add(match);
    return match;
  });
  let floor = -1;
  return incoming.map((argument, i) => {
    const named = byName[i];
    if (named) {
      floor = merged.indexOf(named);
      return named;
    }
    const ceiling = nextAnchor(merged, byName, i);
    for (let at = floor + 1; at < ceiling; at++) {
      const candidate = merged[at];
      if (candidate && !taken.has(candidate) && sameOnWire(candidate, argument)) {
        taken.add(candidate);
        floor = at;
        return candidate;
      }
    }
    return undefined;
  });
}

function nextAnchor(
  merged: readonly MergedArgument[],
  byName: readonly (MergedArgument | undefined)[],
  from: number,
): number {
  for (const named of byName.slice(from + 1)) if (named) return merged.indexOf(named);
  return merged.length;
}

/**
 * Whether two differently named arguments are one argument renamed: the same token, or, without
 * tokens, the same type and (for oneof/block) at least one nested argument in common. The
 * nested check keeps Valkey's restructured SHUTDOWN `abort-selector` apart from `save-selector`.
 */
export function sameOnWire(merged: MergedArgument, incoming: SpecArgument): boolean {
  const [a, b] = [merged.shape.token, incoming.token];
  if (a !== undefined || b !== undefined) {
    return a !== undefined && b !== undefined && a.toUpperCase() === b.toUpperCase();
  }
  if (merged.shape.type !== incoming.type) return false;
  if (incoming.type !== 'oneof' && incoming.type !== 'block') return true;
  return merged.children.some((child) =>
    (incoming.arguments ?? []).some(
      (other) => child.shape.name === other.name || sameOnWire(child, other),
    ),
  );
}
