import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Walks up from `start` to the first folder holding `marker` (works from src/ and from dist/). */
function findUp(marker: string, start: string): string | undefined {
  for (let folder = start; ; folder = dirname(folder)) {
    if (existsSync(join(folder, marker))) return folder;
    if (dirname(folder) === folder) return undefined;
  }
}

/** The codegen package folder, where `templates/` lives. */
export function codegenRoot(): string {
  const root = findUp('templates', here);
  if (root === undefined) throw new Error(`no templates/ folder above ${here}`);
  return root;
}

/**
 * The monorepo root (holding `pnpm-workspace.yaml`): above this file, else above the working
 * directory, for a copy of the tool installed outside the repo.
 */
export function findRepoRoot(cwd: string = process.cwd()): string | undefined {
  return findUp('pnpm-workspace.yaml', here) ?? findUp('pnpm-workspace.yaml', resolve(cwd));
}

export function repoRoot(): string {
  const root = findRepoRoot();
  if (root === undefined)
    throw new Error('run inside the Redspec repository (no pnpm-workspace.yaml found)');
  return root;
}
