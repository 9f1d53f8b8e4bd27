import type { SpecSource } from '../model/spec-types.js';

/** What a provenance note says about one source folder. */
export type Provenance = Pick<SpecSource, 'repository' | 'ref' | 'license'>;

/** The note we look for next to the imported folders. */
export const LICENSE_NOTE_FILE = 'LICENSE-NOTE.md';

/**
 * Reads the markdown table of a provenance note into provenance keyed by folder name. Columns
 * are found by their header (`folder`, `repository`, `ref`, `license`) so their order may change;
 * rows whose first cell is not a folder name are skipped.
 */
export function parseLicenseNote(markdown: string): Map<string, Provenance> {
  const rows = markdown
    .split(/\r?\n/)
    .filter((line) => line.trimStart().startsWith('|'))
    .map(splitRow);
  const header = rows.find((cells) => cells.some((cell) => /^folder\b/i.test(cell)));
  const result = new Map<string, Provenance>();
  if (header === undefined) return result;
  const column = (pattern: RegExp): number => header.findIndex((cell) => pattern.test(cell));
  const [folderAt, repoAt, refAt, licenseAt] = [/^folder/i, /^repo/i, /^ref/i, /^license/i].map(
    column,
  );
  for (const cells of rows) {
    if (cells === header || folderAt === undefined) continue;
    const folder = cells[folderAt]?.replaceAll('`', '').replace(/\/$/, '').trim();
    if (!folder || /^-+$/.test(folder)) continue;
    result.set(folder, {
      repository: parseRepository(cells[repoAt ?? -1]),
      ref: parseRef(cells[refAt ?? -1]),
      license: parseLicense(cells[licenseAt ?? -1]),
    });
  }
  return result;
}

function splitRow(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim());
}

function parseRepository(cell: string | undefined): string | undefined {
  return cell?.match(/https?:\/\/[^\s)`]+/)?.[0] ?? (cell || undefined);
}

// A commit id pins the ref even when the note names a moving branch such as `unstable`.
function parseRef(cell: string | undefined): string | undefined {
  if (!cell) return undefined;
  return cell.match(/\b[0-9a-f]{40}\b/)?.[0] ?? cell.match(/`([^`]+)`/)?.[1] ?? cell;
}

// "Dual license, RSALv2 or SSPLv1 (`LICENSE.txt`: …)" → "RSALv2 OR SSPLv1": the label only,
// written the SPDX way; the parenthesised evidence is prose.
function parseLicense(cell: string | undefined): string | undefined {
  if (!cell) return undefined;
  const label = cell
    .replace(/\s*\(.*$/, '')
    .replace(/^dual licen[sc]e,?\s*/i, '')
    .replace(/\s+or\s+/gi, ' OR ')
    .trim();
  return label || undefined;
}
