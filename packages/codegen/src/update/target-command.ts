import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../paths.js';
import { generateTarget } from './generate-target.js';
import { writeTargetEntries } from './target-entries.js';
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

/**
 * `redspec-codegen targets --out <dir>`: writes the type-only entry points that
 * `@redspec/client` ships as `targets/<release line or product>` (its build runs this).
 */
export async function runTargetEntries(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { out: { type: 'string' } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\nusage: redspec-codegen targets --out <dir>`);
    return 2;
  }
  if (values.out === undefined) {
    console.error('usage: redspec-codegen targets --out <dir>');
    return 2;
  }
  const started = performance.now();
  const entries = await writeTargetEntries(join(repoRoot(), 'specs'), userPath(values.out));
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(
    `wrote ${entries.length} target entries (${entries.map((e) => e.name).join(', ')}) in ${seconds}s`,
  );
  return 0;
}
