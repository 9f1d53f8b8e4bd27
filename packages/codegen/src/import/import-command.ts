import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { SpecArgument, SpecCommand } from '../model/spec-types.js';
import { mergeSources } from './merge-sources.js';
import { findRepoRoot } from '../paths.js';
import { readSources } from './read-sources.js';
import { keepRecordedShapes } from './reshapes.js';
import { readSourceRecords } from './source-records.js';
import { renderSpecFiles } from './spec-files.js';
import { syncSpecFiles } from './sync-spec-files.js';
import { importDocFiles } from './import-docs.js';

const USAGE = 'usage: redspec-codegen import <dir>... [--out <specs dir>] [--check]';

/** Where `runImport` prints; tests pass their own to keep the console clean. */
export interface ImportOutput {
  log(line: string): void;
  error(line: string): void;
}

const consoleOutput: ImportOutput = {
  log: (line) => console.log(line),
  error: (line) => console.error(line),
};

/**
 * `redspec-codegen import <dir>... [--out specs] [--check]`: reads upstream `src/commands`
 * folders (in merge order, see readSources), merges them and rewrites `specs/commands/` and
 * `specs/sources.json`, keeping what that file recorded about each source (see withRecords).
 * `argv` holds the arguments after `import`. Exit code: 0 done or fresh, 1 `--check` found stale
 * files, 2 bad usage or unreadable input.
 */
export async function runImport(
  argv: string[],
  output: ImportOutput = consoleOutput,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { out: { type: 'string' }, check: { type: 'boolean', default: false } },
    });
  } catch (error) {
    output.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { positionals: dirs, values } = parsed;
  const root = findRepoRoot();
  const outDir = values.out ?? (root === undefined ? undefined : join(root, 'specs'));
  if (dirs.length === 0 || outDir === undefined) {
    output.error(dirs.length === 0 ? USAGE : `no repo root found; pass --out\n${USAGE}`);
    return 2;
  }
  try {
    const rerun = `redspec-codegen import ${argv.filter((arg) => arg !== '--check').join(' ')}`;
    return await importInto(dirs, resolve(outDir), { check: values.check, rerun }, output);
  } catch (error) {
    output.error(`import failed: ${(error as Error).message}`);
    return 2;
  }
}

async function importInto(
  dirs: string[],
  outDir: string,
  { check, rerun }: { check: boolean; rerun: string },
  output: ImportOutput,
): Promise<number> {
  const sources = await readSources(dirs, await readSourceRecords(outDir));
  const commands = mergeSources(keepRecordedShapes(sources));
  const files = renderSpecFiles(
    commands,
    sources.map((source) => source.info),
  );
  // Prose goes to docs/, apart from the facts, and only from sources whose license allows it.
  for (const [path, text] of await importDocFiles(dirs, commands, sources)) files.set(path, text);
  const changes = await syncSpecFiles(outDir, files, { check, owned: ['commands', 'docs'] });
  const where = relative(process.cwd(), outDir) || '.';
  const ids = sources.map((source) => source.info.id).join(', ');
  const totals = `${sources.length} sources (${ids}), ${commands.length} commands, ${countArguments(commands)} arguments`;
  if (check && changes.length > 0) {
    const list = changes.map((change) => `  ${change.kind} ${change.path}`).join('\n');
    output.error(`${where} is stale (${changes.length} files):\n${list}\nrun: ${rerun}`);
    return 1;
  }
  const verb = check ? 'up to date' : `${changes.length} files changed`;
  output.log(`import: ${totals} → ${where} (${verb})`);
  return 0;
}

/** Every argument node, nested ones included. */
export function countArguments(commands: readonly SpecCommand[]): number {
  const count = (list: readonly SpecArgument[] = []): number =>
    list.reduce((sum, argument) => sum + 1 + count(argument.arguments), 0);
  return commands.reduce((sum, command) => sum + count(command.arguments), 0);
}
