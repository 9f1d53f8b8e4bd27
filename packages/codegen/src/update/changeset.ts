import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Bump } from './bump-for.js';
import { isEmptyDiff, type ApiDiff } from './diff-surfaces.js';
import { renderDiff, summarizeDiff } from './render-diff.js';
import { renderValkeyDiff } from './valkey-diff.js';

/**
 * Packages whose public types carry the generated surface: types declares `RedisCommands`,
 * pipeline's `Pipeline` and client's `RedisClient` expose every method of it (and the client
 * ships the per-server surfaces). A new command is a new method on all three, so all three get
 * the bump (changesets would only patch-bump dependents). Codegen itself is unchanged by a
 * regeneration.
 */
export const SURFACE_PACKAGES = ['@redspec/types', '@redspec/pipeline', '@redspec/client'];

const PREFIX = 'regenerate-';
// Written at the end of the body: which sources the changeset covers, so the next update
// (since the same release) replaces it instead of adding a second one.
const MARKER = /<!-- redspec update: ([^>]*) -->/;

/** `.changeset/` file name for an update that imported these sources. */
export function changesetName(sourceIds: readonly string[]): string {
  const slug = sourceIds
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
  return `${PREFIX}${slug}.md`;
}

/** The changesets earlier updates wrote since the last release, and the sources they cover. */
export async function updateChangesets(
  changesetDir: string,
): Promise<{ files: string[]; sources: string[] }> {
  const names = (await readdir(changesetDir).catch(() => [] as string[])).filter(
    (name) => name.startsWith(PREFIX) && name.endsWith('.md'),
  );
  const files: string[] = [];
  const sources: string[] = [];
  for (const name of names.sort()) {
    const marker = MARKER.exec(await readFile(join(changesetDir, name), 'utf8'));
    if (marker === null) continue;
    files.push(name);
    sources.push(...marker[1]!.split(', ').filter((id) => id !== '' && !sources.includes(id)));
  }
  return { files, sources };
}

/**
 * A changeset: frontmatter with the bump per package, one sentence for users, the diff against
 * the last release, and the marker naming the sources it covers.
 */
export function renderChangeset(
  diff: ApiDiff,
  valkeyDiff: ApiDiff,
  bump: Bump,
  sourceIds: readonly string[],
): string {
  const frontmatter = SURFACE_PACKAGES.map((name) => `'${name}': ${bump}`).join('\n');
  const valkey = isEmptyDiff(valkeyDiff) ? '' : `; Valkey: ${summarizeDiff(valkeyDiff)}`;
  const sentence = `Regenerate the command surface for ${sourceIds.join(', ')}: ${summarizeDiff(diff)}${valkey}.`;
  return (
    `---\n${frontmatter}\n---\n\n${sentence}\n\n${renderDiff(diff)}${renderValkeyDiff(valkeyDiff)}` +
    `\n<!-- redspec update: ${sourceIds.join(', ')} -->\n`
  );
}
