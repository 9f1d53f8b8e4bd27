import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportOutput } from '../import/import-command.js';
import type { SpecSource } from '../model/spec-types.js';
import { repoRoot } from '../paths.js';
import { summarizeDiff, renderDiff } from './render-diff.js';
import { planSources } from './source-plan.js';
import { updateSpecs, type UpdateLayout } from './update-specs.js';

const USAGE =
  'usage: redspec-codegen update --from <src/commands dir> [--from ...] [--sources-root <dir>] [--dry-run]';

const consoleOutput: ImportOutput = {
  log: (line) => console.log(line),
  error: (line) => console.error(line),
};

/** Paths typed by the user are relative to where they ran `pnpm`, not to packages/codegen. */
export const userPath = (path: string): string =>
  resolve(process.env.INIT_CWD ?? process.cwd(), path);

/** The repository's own layout for an update. */
export function repoLayout(root: string): UpdateLayout {
  return {
    specDir: join(root, 'specs'),
    overlayDir: join(root, 'specs/overlay'),
    generatedDir: join(root, 'packages/types/src/generated'),
    commandsDoc: join(root, 'docs/commands.md'),
    changesetDir: join(root, '.changeset'),
  };
}

/**
 * `redspec-codegen update --from <dir>...`: imports a new upstream release on top of the sources
 * in specs/, regenerates, prints the API diff and writes a changeset. Exit code: 0 done,
 * 1 the import or generation failed, 2 bad usage or missing source folders.
 */
export async function runUpdate(
  argv: string[],
  output: ImportOutput = consoleOutput,
): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        from: { type: 'string', multiple: true, default: [] },
        'sources-root': { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    output.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.from.length === 0) {
    output.error(USAGE);
    return 2;
  }
  const root = repoRoot();
  const sourcesRoot = values['sources-root']
    ? userPath(values['sources-root'])
    : resolve(root, '../shared/redis-specs');
  const existing = JSON.parse(
    await readFile(join(root, 'specs/sources.json'), 'utf8'),
  ) as SpecSource[];
  const plan = planSources(existing, sourcesRoot, values.from.map(userPath));
  const missing = plan.folders.filter((folder) => !existsSync(folder));
  if (missing.length > 0) {
    output.error(`missing source folders (pass --sources-root?):\n  ${missing.join('\n  ')}`);
    return 2;
  }
  const dryRun = values['dry-run'];
  const started = performance.now();
  let result;
  try {
    result = await updateSpecs(plan.folders, plan.newIds, repoLayout(root), { dryRun });
  } catch (error) {
    // Generation runs before anything is written, so an overlay that no longer fits (the
    // usual failure) leaves the repository as it was.
    output.error(`update failed: ${(error as Error).message}`);
    return 1;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  output.log(
    `update: ${plan.ids.join(', ')} (new: ${plan.newIds.join(', ') || 'none'}) in ${seconds}s`,
  );
  output.log(`API: ${summarizeDiff(result.diff)}\n\n${renderDiff(result.diff)}`);
  const where = (path: string): string => relative(root, path);
  const verb = dryRun ? 'would change' : 'changed';
  output.log(`specs/: ${result.specChanges.length} files ${verb}`);
  if (result.changeset === undefined) output.log('no API changes: no changeset');
  else if (dryRun)
    output.log(`dry run: would write ${where(result.changeset.path)}:\n\n${result.changeset.text}`);
  else output.log(`wrote ${where(result.changeset.path)} (${result.bump})`);
  return 0;
}
