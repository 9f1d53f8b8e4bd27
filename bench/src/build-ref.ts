import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The checkout this bench belongs to. */
export const REPO = resolve(import.meta.dirname, '../..');

/** This checkout's client build. */
export const CURRENT_CLIENT = join(REPO, 'packages/client/dist/index.js');

/**
 * The client entry of `ref` built in a worktree of its own (under the temp dir, reused between
 * runs), for before/after comparisons of a change.
 */
export function buildRef(ref: string): string {
  const sha = execFileSync('git', ['rev-parse', '--short', ref], { cwd: REPO }).toString().trim();
  const dir = join(tmpdir(), `redspec-compare-${sha}`);
  if (!existsSync(join(dir, 'packages/client/dist/index.js'))) {
    if (!existsSync(dir))
      execFileSync('git', ['worktree', 'add', '--detach', dir, sha], { cwd: REPO });
    execFileSync('pnpm', ['install', '--frozen-lockfile', '--reporter=silent'], {
      cwd: dir,
      stdio: 'inherit',
    });
    execFileSync('pnpm', ['build'], { cwd: dir, stdio: 'inherit' });
  }
  return join(dir, 'packages/client/dist/index.js');
}
