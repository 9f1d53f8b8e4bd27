import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Overlay } from './overlay-types.js';
import type { CommandDocs, SpecCommand, SpecSource } from './spec-types.js';

export interface LoadedSpec {
  sources: SpecSource[];
  commands: SpecCommand[];
  overlay: Overlay;
  /** Prose from `specs/docs/` by command name; absent or empty where a spec folder has none. */
  docs?: Map<string, CommandDocs>;
}

async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T;
}

async function jsonFiles(folder: string): Promise<string[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  return names.filter((name) => name.endsWith('.json')).sort();
}

/** Reads `specs/`: sources, every command record and the merged overlay files. */
export async function loadSpec(
  specDir: string,
  overlayDir = join(specDir, 'overlay'),
): Promise<LoadedSpec> {
  const sources = await readJson<SpecSource[]>(join(specDir, 'sources.json'));
  const commandDir = join(specDir, 'commands');
  const commands = await Promise.all(
    (await jsonFiles(commandDir)).map((name) => readJson<SpecCommand>(join(commandDir, name))),
  );
  commands.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const docDir = join(specDir, 'docs');
  const docs = await Promise.all(
    (await jsonFiles(docDir)).map((name) => readJson<CommandDocs>(join(docDir, name))),
  );
  return {
    sources,
    commands,
    overlay: await loadOverlay(overlayDir),
    docs: new Map(docs.map((entry) => [entry.name, entry])),
  };
}

/** Merges `specs/overlay/*.json`; one command may appear in several files, one field in one. */
export async function loadOverlay(folder: string): Promise<Overlay> {
  const overlay: Overlay = {};
  for (const name of await jsonFiles(folder)) {
    const entries = await readJson<Overlay>(join(folder, name));
    for (const [command, entry] of Object.entries(entries)) {
      const existing = (overlay[command] ??= {});
      for (const field of Object.keys(entry) as (keyof typeof entry)[]) {
        if (field in existing && field !== 'why') {
          throw new Error(`overlay ${name}: ${command}.${field} is already set by another file`);
        }
      }
      Object.assign(existing, entry);
    }
  }
  return overlay;
}
