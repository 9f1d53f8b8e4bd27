import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repoRoot } from '../paths.js';

/**
 * The upstream spec folders that `specs/sources.json` names live outside the repository (their
 * licenses differ from ours, see their LICENSE-NOTE.md): `../shared/redis-specs` beside the
 * repository root, where scripts/test.sh and `redspec update` look by default.
 */
export function sharedSpecsRoot(root: string = repoRoot()): string {
  return resolve(root, '../shared/redis-specs');
}

/**
 * For tests that read the real upstream folders: the shared root when every folder of `ids` is
 * there, else undefined so the suite skips on a machine without them. In CI (`CI` set) a
 * missing folder throws instead, so the suite fails rather than passing by skipping.
 */
export function requireSharedSpecs(ids: readonly string[]): string | undefined {
  const root = sharedSpecsRoot();
  const missing = ids.filter((id) => !existsSync(join(root, id)));
  if (missing.length === 0) return root;
  if (process.env.CI) {
    throw new Error(`CI needs the upstream specs in ${root}; missing: ${missing.join(', ')}`);
  }
  return undefined;
}
