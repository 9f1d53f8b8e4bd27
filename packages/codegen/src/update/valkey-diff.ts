import { isDeepStrictEqual } from 'node:util';
import type { ApiDiff } from './diff-surfaces.js';
import { isEmptyDiff } from './diff-surfaces.js';
import { renderDiff } from './render-diff.js';

/**
 * The Valkey surface's changes that the full surface's diff does not already show: a new
 * command both products have appears once, Valkey's own reply change (MODULE LIST, BGSAVE's
 * CANCEL) only here.
 */
export function valkeyOnly(full: ApiDiff, valkey: ApiDiff): ApiDiff {
  const shown = <T>(list: readonly T[], item: T): boolean =>
    list.some((other) => isDeepStrictEqual(other, item));
  return {
    added: valkey.added.filter((item) => !shown(full.added, item)),
    removed: valkey.removed.filter((item) => !shown(full.removed, item)),
    changed: valkey.changed.filter((item) => !shown(full.changed, item)),
    deprecated: valkey.deprecated.filter((item) => !shown(full.deprecated, item)),
  };
}

/** The Valkey section of a diff report, or nothing when Valkey changed nothing of its own. */
export function renderValkeyDiff(valkey: ApiDiff): string {
  if (isEmptyDiff(valkey)) return '';
  return `\n**Valkey surface (\`@redspec/client/targets/valkey\`), beyond the above**\n\n${renderDiff(valkey)}`;
}
