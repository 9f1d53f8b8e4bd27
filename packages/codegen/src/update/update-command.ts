import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportOutput } from '../import/import-command.js';
import { sharedSpecsRoot } from '../import/shared-specs.js';
import { readSourceRecords } from '../import/source-records.js';
import { repoRoot } from '../paths.js';
import { resolveReleaseBase } from './release-base.js';
import { renderUpdateReport } from './update-report.js';
import { planSources } from './source-plan.js';
import { updateSpecs, type UpdateLayout } from './update-specs.js';

const USAGE =
  'usage: redspec-codegen update --from <src/commands dir> [--from ...] [--sources-root <dir>] [--base <git ref>] [--dry-run]';

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
 * `redspec-codegen update --from <dir>...`: imports a new upstream release among the sources in
 * specs/, regenerates, prints the API diff against the last release (`--base` names another git
 * ref) with warnings, and writes the changeset. Exit code: 0 done, 1 the import or generation
 * failed, 2 bad usage or missing source folders.
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
        base: { type: 'string' },
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
  const layout = repoLayout(root);
  const defaultRoot = sharedSpecsRoot(root);
  const started = performance.now();
  let plan;
  try {
    const sourcesRoot = values['sources-root'] ? userPath(values['sources-root']) : defaultRoot;
    const records = await readSourceRecords(layout.specDir);
    plan = planSources(records, values.from.map(userPath), {
      sourcesRoot,
      repoRoot: root,
      defaultRoot,
    });
  } catch (error) {
    output.error(`update: ${(error as Error).message}`);
    return 2;
  }
  const missing = plan.folders.filter((folder) => !existsSync(folder));
  if (missing.length > 0) {
    output.error(`missing source folders (pass --sources-root?):\n  ${missing.join('\n  ')}`);
    return 2;
  }
  const dryRun = values['dry-run'];
  let base;
  let result;
  try {
    base = await resolveReleaseBase(root, values.base);
    result = await updateSpecs(plan, layout, { dryRun, base });
  } catch (error) {
    // Generation runs before anything is written, so an overlay that no longer fits (the
    // usual failure) leaves the repository as it was.
    output.error(`update failed: ${(error as Error).message}`);
    return 1;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  output.log(
    `update: ${plan.ids.join(', ')} (new: ${plan.newIds.join(', ') || 'none'}) in ${seconds}s; ` +
      `compared with ${base.label}`,
  );
  output.log(renderUpdateReport(result, { dryRun, where: (path) => relative(root, path) }));
  return 0;
}
