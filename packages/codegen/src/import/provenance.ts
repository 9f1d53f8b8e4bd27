import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { LICENSE_NOTE_FILE, parseLicenseNote, type Provenance } from './license-note.js';

/**
 * Where a source folder comes from and under which license, from the LICENSE-NOTE.md beside it.
 * Every source needs its row with a repository, a ref and a license: what we ship is derived
 * from it, and a source read without them would import fine and record no license at all (or,
 * read again, erase the one specs/sources.json had).
 */
export async function readProvenance(folder: string): Promise<Required<Provenance>> {
  const id = basename(folder);
  const note = join(dirname(folder), LICENSE_NOTE_FILE);
  const fix = `add a row for \`${id}/\` with its repository, ref and license to ${note}`;
  if (!existsSync(note)) throw new Error(`${id}: no ${LICENSE_NOTE_FILE} beside it; ${fix}`);
  const row = parseLicenseNote(await readFile(note, 'utf8')).get(id);
  if (row === undefined) throw new Error(`${id}: ${LICENSE_NOTE_FILE} has no row for it; ${fix}`);
  const missing = (['repository', 'ref', 'license'] as const).filter((field) => !row[field]);
  if (missing.length > 0) {
    throw new Error(`${id}: its ${LICENSE_NOTE_FILE} row lacks ${missing.join(', ')}; ${fix}`);
  }
  return row as Required<Provenance>;
}
