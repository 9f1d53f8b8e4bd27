import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SourceRecord } from './imported-command.js';
import type { LoadedSource } from './load-source.js';

/** `<specDir>/sources.json`, or nothing before the first import. */
export async function readSourceRecords(specDir: string): Promise<SourceRecord[]> {
  const path = join(specDir, 'sources.json');
  if (!existsSync(path)) return [];
  try {
    return JSON.parse(await readFile(path, 'utf8')) as SourceRecord[];
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * The loaded sources with what specs/sources.json recorded about them that a folder cannot say
 * (where it lives, which reshapes to keep), so re-importing repeats the earlier decisions.
 */
export function withRecords(
  sources: readonly LoadedSource[],
  records: readonly SourceRecord[],
): LoadedSource[] {
  const byId = new Map(records.map((record) => [record.id, record]));
  return sources.map((source) => {
    const { path, keepShapes } = byId.get(source.info.id) ?? {};
    return {
      ...source,
      info: {
        ...source.info,
        ...(path !== undefined ? { path } : {}),
        ...(keepShapes !== undefined ? { keepShapes } : {}),
      },
    };
  });
}

/** One line per provenance fact that reading a source again changed (a new ref, a license). */
export function provenanceChanges(
  sources: readonly LoadedSource[],
  records: readonly SourceRecord[],
): string[] {
  const byId = new Map(records.map((record) => [record.id, record]));
  return sources.flatMap(({ info }) => {
    const record = byId.get(info.id);
    if (record === undefined) return [];
    return (['license', 'repository', 'ref'] as const)
      .filter((field) => record[field] !== info[field])
      .map((field) => `${info.id}: ${field} ${record[field] ?? '(none)'} → ${info[field]}`);
  });
}
