import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { SpecSource } from '../model/spec-types.js';
import { LICENSE_NOTE_FILE, parseLicenseNote, type Provenance } from './license-note.js';
import { normalizeCommand, type NormalizedCommand } from './normalize-command.js';
import type { UpstreamFile } from './upstream-types.js';

/** One upstream folder read into memory: its `sources.json` entry and its commands by name. */
export interface LoadedSource {
  info: SpecSource;
  commands: NormalizedCommand[];
}

/** Id, product and version from a folder name such as `valkey-8.1-dev`. */
export function describeSource(id: string): Pick<SpecSource, 'id' | 'product' | 'version'> {
  const dash = id.indexOf('-');
  return {
    id,
    product: id.startsWith('valkey') ? 'valkey' : 'redis',
    version: dash === -1 ? '' : id.slice(dash + 1),
  };
}

/**
 * Reads every `*.json` file of one upstream `src/commands` folder, in file-name order so the
 * result never depends on the file system. Provenance comes from a LICENSE-NOTE.md beside it.
 */
export async function loadSource(dir: string): Promise<LoadedSource> {
  const folder = resolve(dir);
  const files = (await readdir(folder)).filter((file) => file.endsWith('.json')).sort();
  const commands = new Map<string, NormalizedCommand>();
  for (const file of files) {
    const parsed = JSON.parse(await readFile(join(folder, file), 'utf8')) as UpstreamFile;
    for (const [key, raw] of Object.entries(parsed)) {
      const command = normalizeCommand(key, raw, `${basename(folder)}/${file}`);
      if (commands.has(command.name)) {
        throw new Error(`${basename(folder)}/${file}: ${command.name} is defined twice`);
      }
      commands.set(command.name, command);
    }
  }
  const provenance = await readProvenance(folder);
  const info: SpecSource = {
    ...describeSource(basename(folder)),
    ...provenance,
    files: files.length,
  };
  return { info, commands: [...commands.values()] };
}

async function readProvenance(folder: string): Promise<Provenance> {
  const note = join(dirname(folder), LICENSE_NOTE_FILE);
  if (!existsSync(note)) return {};
  return parseLicenseNote(await readFile(note, 'utf8')).get(basename(folder)) ?? {};
}
