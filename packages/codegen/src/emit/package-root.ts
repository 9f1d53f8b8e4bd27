import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Walks up from `start` to the first folder holding `marker` (works from src/ and from dist/). */
export function findUp(marker: string, start: string = dirname(fileURLToPath(import.meta.url))): string {
  let folder = start;
  while (!existsSync(join(folder, marker))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`no ${marker} above ${start}`);
    folder = parent;
  }
  return folder;
}

/** The codegen package folder, where `templates/` lives. */
export const codegenRoot = (): string => findUp('templates');

/** The monorepo root, which holds `specs/` and `packages/types`. */
export const repoRoot = (start: string = process.cwd()): string => findUp('pnpm-workspace.yaml', start);
