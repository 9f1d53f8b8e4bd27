import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../paths.js';
import { generateTarget } from './generate-target.js';
import { userPath } from './update-command.js';

const USAGE =
  'usage: redspec-codegen generate --target <source id | redis | valkey> [--out <dir>] [--check]';

/**
 * `redspec-codegen generate --target <t> [--out <dir>]`: a surface limited to one release or
 * product, written to `--out` (default `dist-targets/<t>/`, git-ignored) and never over
 * packages/types/src/generated. See docs/targets.md.
 */
export async function runTargetGenerate(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        target: { type: 'string' },
        out: { type: 'string' },
        check: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.target === undefined) {
    console.error(USAGE);
    return 2;
  }
  const root = repoRoot();
  const outDir = values.out ? userPath(values.out) : join(root, 'dist-targets', values.target);
  const started = performance.now();
  let result;
  try {
    result = await generateTarget({
      specDir: join(root, 'specs'),
      outDir,
      target: values.target,
      check: values.check,
    });
  } catch (error) {
    console.error(`generate --target failed: ${(error as Error).message}`);
    return 2;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  for (const line of result.droppedOverlay) console.log(`overlay not applied: ${line}`);
  if (values.check && result.changed.length > 0) {
    console.error(`${relative(root, outDir)} is stale: ${result.changed.join(', ')}`);
    return 1;
  }
  console.log(
    `${values.check ? 'checked' : 'wrote'} ${result.files.length} files for ${result.models.length} commands ` +
      `(target ${values.target}: ${result.sources.join(', ')}) → ${relative(userPath('.'), outDir) || '.'} in ${seconds}s`,
  );
  return 0;
}
