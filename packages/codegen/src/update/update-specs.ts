import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generate } from '../emit/generate.js';
import { loadSource } from '../import/load-source.js';
import { mergeSources } from '../import/merge-sources.js';
import { renderSpecFiles } from '../import/spec-files.js';
import { syncSpecFiles, type SpecFileChange } from '../import/sync-spec-files.js';
import type { SpecSource } from '../model/spec-types.js';
import { readApiSurface, type ApiSurface } from './api-surface.js';
import { bumpFor, type Bump } from './bump-for.js';
import { changesetName, renderChangeset } from './changeset.js';
import { syncCommandsDoc } from './commands-doc.js';
import { diffSurfaces, type ApiDiff } from './diff-surfaces.js';

/** Where an update reads and writes; the CLI passes the repository's, tests temp folders. */
export interface UpdateLayout {
  /** Holds `sources.json` and `commands/` (the import's output). */
  specDir: string;
  overlayDir: string;
  /** `packages/types/src/generated`. */
  generatedDir: string;
  /** `docs/commands.md`. */
  commandsDoc: string;
  changesetDir: string;
}

export interface UpdateResult {
  sources: SpecSource[];
  diff: ApiDiff;
  bump: Bump | undefined;
  /** The changeset written (or, in a dry run, that would be). */
  changeset?: { path: string; text: string };
  specChanges: SpecFileChange[];
}

/**
 * Imports `folders` (merge order), regenerates into a temp folder, and diffs the new surface
 * against the one in `generatedDir`. Unless `dryRun`, then rewrites specs, generated code and
 * docs/commands.md, and writes a changeset when the surface changed. Generating before writing
 * means an overlay that no longer fits fails the update with the repository untouched.
 */
export async function updateSpecs(
  folders: readonly string[],
  newIds: readonly string[],
  layout: UpdateLayout,
  { dryRun }: { dryRun: boolean },
): Promise<UpdateResult> {
  const loaded = [];
  for (const folder of folders) loaded.push(await loadSource(folder));
  const sources = loaded.map((source) => source.info);
  const specFiles = renderSpecFiles(mergeSources(loaded), sources);
  const work = await mkdtemp(join(tmpdir(), 'redspec-update-'));
  try {
    await writeFiles(join(work, 'specs'), specFiles);
    const out = join(work, 'generated');
    const result = await generate({
      specDir: join(work, 'specs'),
      overlayDir: layout.overlayDir,
      outDir: out,
    });
    const diff = diffSurfaces(await surfaceIn(layout.generatedDir), await surfaceIn(out));
    const bump = bumpFor(diff);
    const named = newIds.length > 0 ? newIds : sources.map((source) => source.id);
    const changeset =
      bump === undefined
        ? undefined
        : {
            path: join(layout.changesetDir, changesetName(named)),
            text: renderChangeset(diff, bump, named),
          };
    const specChanges = await syncSpecFiles(layout.specDir, specFiles, { check: dryRun });
    if (!dryRun) {
      await replaceFolder(out, layout.generatedDir);
      await syncCommandsDoc(layout.commandsDoc, result.models, sources, { check: false });
      if (changeset !== undefined) {
        await mkdir(layout.changesetDir, { recursive: true });
        await writeFile(changeset.path, changeset.text);
      }
    }
    return { sources, diff, bump, ...(changeset ? { changeset } : {}), specChanges };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The surface generated into `dir`; empty when nothing was generated there yet. */
export async function surfaceIn(dir: string): Promise<ApiSurface> {
  const read = (name: string): Promise<string> => readFile(join(dir, name), 'utf8').catch(() => '');
  const redisCommands = await read('redis-commands.ts');
  if (redisCommands === '') return new Map();
  return readApiSurface({
    redisCommands,
    commandOptions: await read('command-options.ts'),
    commandReplies: await read('command-replies.ts'),
  });
}

async function writeFiles(dir: string, files: ReadonlyMap<string, string>): Promise<void> {
  for (const [path, text] of files) {
    const target = join(dir, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text);
  }
}

/** Makes `to` hold exactly the files of `from` (a flat folder, like `src/generated/`). */
async function replaceFolder(from: string, to: string): Promise<void> {
  const names = await readdir(from);
  for (const stale of (await readdir(to).catch(() => [] as string[])).filter(
    (n) => !names.includes(n),
  )) {
    await rm(join(to, stale));
  }
  await mkdir(to, { recursive: true });
  for (const name of names)
    await writeFile(join(to, name), await readFile(join(from, name), 'utf8'));
}
