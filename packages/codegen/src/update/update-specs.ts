import { existsSync } from 'node:fs';
import { cp, mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generate } from '../emit/generate.js';
import type { SourceRecord } from '../import/imported-command.js';
import { mergeSources } from '../import/merge-sources.js';
import { readSources } from '../import/read-sources.js';
import { findReshapes, keepRecordedShapes, type Reshape } from '../import/reshapes.js';
import { provenanceChanges } from '../import/source-records.js';
import { renderSpecFiles } from '../import/spec-files.js';
import { syncSpecFiles, type SpecFileChange } from '../import/sync-spec-files.js';
import { loadOverlay, loadSpec, type LoadedSpec } from '../model/load-spec.js';
import { readApiSurface, type ApiSurface } from './api-surface.js';
import { bumpFor, type Bump } from './bump-for.js';
import { changesetName, renderChangeset, updateChangesets } from './changeset.js';
import { syncCommandsDoc } from './commands-doc.js';
import { findOptionMoves, overlayWithMoves, type OptionMove } from './compat-options.js';
import { diffSurfaces, type ApiDiff } from './diff-surfaces.js';
import { findReplyWarnings, type ReplyWarning } from './reply-warnings.js';
import type { SourcePlan } from './source-plan.js';
import { valkeySurface, valkeySurfaceIn, type Surfaces } from './surfaces.js';
import { valkeyOnly } from './valkey-diff.js';

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

export interface UpdateOptions {
  dryRun: boolean;
  /** The surfaces of the last release (see release-base.ts): what the diff is against. */
  base: Surfaces;
}

export interface UpdateResult {
  sources: SourceRecord[];
  /** The full surface against the release. */
  diff: ApiDiff;
  /** The Valkey surface's changes that `diff` does not show. */
  valkeyDiff: ApiDiff;
  bump: Bump | undefined;
  /** The changeset written (or, in a dry run, that would be). */
  changeset?: { path: string; text: string };
  /** Earlier update changesets since the release that this one replaces (file names). */
  replaced: string[];
  specChanges: SpecFileChange[];
  /** Where new sources went, and provenance facts that changed on reading a source again. */
  notes: string[];
  /** Same-token reshapes whose previous shape is kept (recorded in sources.json). */
  reshapes: Reshape[];
  /** New untokened optional arguments put in their command's options (in the overlay). */
  optionMoves: OptionMove[];
  /** Overlay files the option moves rewrite, by name. */
  overlayFiles: Map<string, string>;
  /** New or changed replies that depend on an argument, with overlay stubs. */
  warnings: ReplyWarning[];
}

/**
 * Imports the planned sources, regenerates into a temp folder and diffs the result against the
 * last release. Unless `dryRun`, then rewrites specs (and sources.json with what the next run
 * needs), generated code, docs/commands.md, the overlay entries it adds, and the one changeset
 * of this release cycle's updates. Generating before writing means an overlay that no longer
 * fits fails the update with the repository untouched.
 */
export async function updateSpecs(
  plan: SourcePlan,
  layout: UpdateLayout,
  options: UpdateOptions,
): Promise<UpdateResult> {
  const loaded = await readSources(plan.folders, plan.records);
  const reshapes = findReshapes(keepRecordedShapes(loaded), new Set(plan.newIds));
  for (const { source, command } of reshapes) {
    const info = loaded.find((item) => item.info.id === source)!.info;
    info.keepShapes = [...(info.keepShapes ?? []), command].sort();
  }
  const commands = mergeSources(keepRecordedShapes(loaded));
  const sources = loaded.map((source) => source.info);
  const specFiles = renderSpecFiles(commands, sources);
  const work = await mkdtemp(join(tmpdir(), 'redspec-update-'));
  try {
    await writeFiles(join(work, 'specs'), specFiles);
    const before = await specOrEmpty(layout);
    const optionMoves = findOptionMoves(
      before,
      await loadSpec(join(work, 'specs'), layout.overlayDir),
    );
    const overlayFiles = await overlayWithMoves(layout.overlayDir, optionMoves);
    const overlayDir = join(work, 'overlay');
    await copyOverlay(layout.overlayDir, overlayDir, overlayFiles);
    const out = join(work, 'generated');
    const result = await generate({ specDir: join(work, 'specs'), overlayDir, outDir: out });
    const after = await loadSpec(join(work, 'specs'), overlayDir);
    const full = await surfaceIn(out);
    const diff = diffSurfaces(options.base.full, full);
    const valkeyDiff = valkeyOnly(
      diff,
      diffSurfaces(options.base.valkey ?? new Map(), (await valkeySurface(after)) ?? new Map()),
    );
    const bump = higher(bumpFor(diff), bumpFor(valkeyDiff));
    const warnings = findReplyWarnings(
      after.commands,
      result.models,
      after.overlay,
      options.base.full,
      full,
    );
    const earlier = await updateChangesets(layout.changesetDir);
    const named = plan.newIds.length > 0 || earlier.sources.length > 0 ? plan.newIds : plan.ids;
    const covered = [...earlier.sources, ...named.filter((id) => !earlier.sources.includes(id))];
    const changeset =
      bump === undefined
        ? undefined
        : {
            path: join(layout.changesetDir, changesetName(covered)),
            text: renderChangeset(diff, valkeyDiff, bump, covered),
          };
    const specChanges = await syncSpecFiles(layout.specDir, specFiles, { check: options.dryRun });
    if (!options.dryRun) {
      await replaceFolder(out, layout.generatedDir);
      await syncCommandsDoc(layout.commandsDoc, result.models, sources, { check: false });
      for (const [name, text] of overlayFiles) await writeFile(join(layout.overlayDir, name), text);
      for (const name of earlier.files) await rm(join(layout.changesetDir, name));
      if (changeset !== undefined) {
        await mkdir(layout.changesetDir, { recursive: true });
        await writeFile(changeset.path, changeset.text);
      }
    }
    return {
      sources,
      diff,
      valkeyDiff,
      bump,
      ...(changeset ? { changeset } : {}),
      replaced: earlier.files.filter((name) => join(layout.changesetDir, name) !== changeset?.path),
      specChanges,
      notes: [
        ...plan.notes,
        ...provenanceChanges(
          loaded,
          plan.records.filter((record) => !plan.newIds.includes(record.id)),
        ),
      ],
      reshapes,
      optionMoves,
      overlayFiles,
      warnings,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

const RANK = { patch: 1, minor: 2, major: 3 } as const;
const higher = (a: Bump | undefined, b: Bump | undefined): Bump | undefined =>
  a === undefined ? b : b === undefined || RANK[a] >= RANK[b] ? a : b;

/** The spec in the working tree before the update (nothing at all before the first one). */
async function specOrEmpty(layout: UpdateLayout): Promise<LoadedSpec> {
  if (existsSync(join(layout.specDir, 'sources.json'))) {
    return loadSpec(layout.specDir, layout.overlayDir);
  }
  return { sources: [], commands: [], overlay: await loadOverlay(layout.overlayDir) };
}

/** The working tree as a base, for a repository with no release yet (and for tests). */
export async function workingTreeBase(layout: UpdateLayout): Promise<Surfaces> {
  const full = await surfaceIn(layout.generatedDir);
  const hasSpec = existsSync(join(layout.specDir, 'sources.json'));
  const valkey = hasSpec ? await valkeySurfaceIn(layout.specDir, layout.overlayDir) : undefined;
  return { full, ...(valkey ? { valkey } : {}) };
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

async function copyOverlay(
  from: string,
  to: string,
  changed: ReadonlyMap<string, string>,
): Promise<void> {
  await mkdir(to, { recursive: true });
  if (existsSync(from)) await cp(from, to, { recursive: true });
  for (const [name, text] of changed) await writeFile(join(to, name), text);
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
