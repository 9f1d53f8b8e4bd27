import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** One file of `specs/` that differs from what the import produces. */
export interface SpecFileChange {
  /** Relative to the output folder, `/`-separated. */
  path: string;
  kind: 'added' | 'changed' | 'removed';
}

// Folders the import owns completely by default: any file in them it did not produce is stale.
const OWNED_FOLDERS = ['commands'];

/**
 * Makes `outDir` hold exactly `files` (relative path → text) within the folders the import owns,
 * leaving everything else there (such as `overlay/`) alone. With `check`, only reports what would
 * change. Unchanged files are not rewritten, so their timestamps stay put.
 */
export async function syncSpecFiles(
  outDir: string,
  files: ReadonlyMap<string, string>,
  options: {
    check: boolean;
    /** Folders to own (default `commands`); `import` also owns `docs`, its prose output. */
    owned?: readonly string[];
  },
): Promise<SpecFileChange[]> {
  const changes: SpecFileChange[] = [];
  for (const [path, text] of files) {
    const target = join(outDir, path);
    const current = existsSync(target) ? await readFile(target, 'utf8') : undefined;
    if (current === text) continue;
    changes.push({ path, kind: current === undefined ? 'added' : 'changed' });
    if (options.check) continue;
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text);
  }
  for (const path of await staleFiles(outDir, files, options.owned ?? OWNED_FOLDERS)) {
    changes.push({ path, kind: 'removed' });
    if (!options.check) await rm(join(outDir, path));
  }
  return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function staleFiles(
  outDir: string,
  files: ReadonlyMap<string, string>,
  owned: readonly string[],
): Promise<string[]> {
  const stale: string[] = [];
  for (const folder of owned) {
    if (!existsSync(join(outDir, folder))) continue;
    const entries = await readdir(join(outDir, folder), { withFileTypes: true });
    for (const entry of entries) {
      const path = `${folder}/${entry.name}`;
      if (entry.isFile() && !files.has(path)) stale.push(path);
    }
  }
  return stale;
}
