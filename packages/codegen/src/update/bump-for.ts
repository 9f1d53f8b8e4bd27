import type { ApiDiff } from './diff-surfaces.js';

/** A semver bump as changesets names it. */
export type Bump = 'major' | 'minor' | 'patch';

/**
 * The release a diff calls for: removed methods or breaking changes → major; added methods,
 * additive changes (a new optional argument) or new deprecations → minor; nothing → none.
 * `patch` is never the answer here: a regeneration either changes the surface or it does not.
 */
export function bumpFor(diff: ApiDiff): Bump | undefined {
  if (diff.removed.length > 0 || diff.changed.some((change) => change.breaking)) return 'major';
  if (diff.added.length + diff.changed.length + diff.deprecated.length > 0) return 'minor';
  return undefined;
}
