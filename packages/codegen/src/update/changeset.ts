import type { Bump } from './bump-for.js';
import type { ApiDiff } from './diff-surfaces.js';
import { renderDiff, summarizeDiff } from './render-diff.js';

/**
 * Packages whose public types carry the generated surface: types declares `RedisCommands`,
 * pipeline's `Pipeline` and client's `RedisClient` expose every method of it. A new command is a
 * new method on all three, so all three get the bump (changesets would only patch-bump
 * dependents). Codegen itself is unchanged by a regeneration.
 */
export const SURFACE_PACKAGES = ['@redspec/types', '@redspec/pipeline', '@redspec/client'];

/** `.changeset/` file name for an update that imported these sources. */
export function changesetName(sourceIds: readonly string[]): string {
  const slug = sourceIds
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
  return `regenerate-${slug}.md`;
}

/** A changeset: frontmatter with the bump per package, one sentence for users, then the diff. */
export function renderChangeset(diff: ApiDiff, bump: Bump, sourceIds: readonly string[]): string {
  const frontmatter = SURFACE_PACKAGES.map((name) => `'${name}': ${bump}`).join('\n');
  const sentence = `Regenerate the command surface for ${sourceIds.join(', ')}: ${summarizeDiff(diff)}.`;
  return `---\n${frontmatter}\n---\n\n${sentence}\n\n${renderDiff(diff)}`;
}
