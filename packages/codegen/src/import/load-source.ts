import { readdir, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { SpecSource } from '../model/spec-types.js';
import type { SourceCommand, SourceRecord } from './imported-command.js';
import { normalizeCommand } from './normalize-command.js';
import { readProvenance } from './provenance.js';
import { replyDependencies } from './reply-dependencies.js';
import { parseSourceId } from './source-id.js';
import type { UpstreamFile } from './upstream-types.js';

/** One upstream folder read into memory: its `sources.json` entry and its commands by name. */
export interface LoadedSource {
  info: SourceRecord;
  commands: SourceCommand[];
}

/** Id, product and version from a folder name such as `valkey-8.1-dev` (see parseSourceId). */
export function describeSource(id: string): Pick<SpecSource, 'id' | 'product' | 'version'> {
  const { product, version } = parseSourceId(id);
  return { id, product, version };
}

/**
 * Reads every `*.json` file of one upstream `src/commands` folder, in file-name order so the
 * result never depends on the file system. Provenance comes from a LICENSE-NOTE.md beside it.
 */
export async function loadSource(dir: string): Promise<LoadedSource> {
  const folder = resolve(dir);
  const described = describeSource(basename(folder));
  const files = (await readdir(folder)).filter((file) => file.endsWith('.json')).sort();
  const commands = new Map<string, SourceCommand>();
  for (const file of files) {
    const parsed = await readUpstreamFile(join(folder, file));
    for (const [key, raw] of Object.entries(parsed)) {
      const command = normalizeCommand(key, raw, `${basename(folder)}/${file}`);
      if (commands.has(command.name)) {
        throw new Error(`${basename(folder)}/${file}: ${command.name} is defined twice`);
      }
      const depends = replyDependencies(raw);
      commands.set(command.name, depends ? { ...command, replyDependsOn: depends } : command);
    }
  }
  const info: SourceRecord = {
    ...described,
    ...(await readProvenance(folder)),
    files: files.length,
  };
  return { info, commands: [...commands.values()] };
}

async function readUpstreamFile(path: string): Promise<UpstreamFile> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as UpstreamFile;
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`, { cause: error });
  }
}
