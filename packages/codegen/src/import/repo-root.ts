import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The monorepo root: the nearest folder holding `pnpm-workspace.yaml` above this file, else above
 * the working directory (for a copy of the tool living outside the repo).
 */
export function findRepoRoot(cwd: string = process.cwd()): string | undefined {
  return findUp(dirname(fileURLToPath(import.meta.url))) ?? findUp(resolve(cwd));
}

function findUp(start: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
