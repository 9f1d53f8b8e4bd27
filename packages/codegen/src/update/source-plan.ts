import { basename, join, relative, resolve, sep } from 'node:path';
import type { SourceRecord } from '../import/imported-command.js';
import { parseSourceId, sortSources } from '../import/source-id.js';

/** The upstream folders to import, in merge order, and which of them are new. */
export interface SourcePlan {
  folders: string[];
  ids: string[];
  newIds: string[];
  /** What specs/sources.json will record of each source besides what its folder says. */
  records: SourceRecord[];
  /** Where a new source went when that is not simply last of its product. */
  notes: string[];
}

export interface PlanLocations {
  /** Where the recorded sources are found by id (`--sources-root`). */
  sourcesRoot: string;
  /** The repository root: recorded paths are relative to it. */
  repoRoot: string;
  /** Where scripts/spec-sources.sh looks by default; a folder elsewhere gets its path recorded. */
  defaultRoot: string;
}

type Planned = SourceRecord & { folder: string };

/**
 * Lays the new folders among the sources already in specs/sources.json, which stores ids (and a
 * path for a folder outside the default root): Redis before Valkey, each by version, so an older
 * release imported late never overrides a newer one's facts. A folder whose id is already
 * imported replaces it.
 */
export function planSources(
  existing: readonly SourceRecord[],
  from: readonly string[],
  where: PlanLocations,
): SourcePlan {
  const plan: Planned[] = existing.map((record) => ({
    ...record,
    folder: record.path ? resolve(where.repoRoot, record.path) : join(where.sourcesRoot, record.id),
  }));
  const newIds: string[] = [];
  for (const dir of from) {
    const folder = resolve(dir);
    const { id, product, version } = parseSourceId(basename(folder));
    const path = recordedPath(folder, id, where);
    const known = plan.find((source) => source.id === id);
    if (known !== undefined) {
      known.folder = folder;
      if (path === undefined) delete known.path;
      else known.path = path;
      continue;
    }
    newIds.push(id);
    plan.push({ id, product, version, files: 0, folder, ...(path ? { path } : {}) });
  }
  const ordered = sortSources(plan);
  return {
    folders: ordered.map((source) => source.folder),
    ids: ordered.map((source) => source.id),
    newIds,
    records: ordered.map(({ folder: _folder, ...record }) => record),
    notes: newIds.flatMap((id) => placementNote(ordered, id)),
  };
}

function recordedPath(folder: string, id: string, where: PlanLocations): string | undefined {
  if (folder === join(where.defaultRoot, id)) return undefined;
  return relative(where.repoRoot, folder).split(sep).join('/');
}

function placementNote(ordered: readonly Planned[], id: string): string[] {
  const own = ordered.filter(
    (source) => source.product === ordered.find((s) => s.id === id)!.product,
  );
  const at = own.findIndex((source) => source.id === id);
  if (at === own.length - 1) return [];
  const newer = own.slice(at + 1).map((source) => source.id);
  return [
    `${id} is older than ${newer.join(', ')}: merged before ${newer.length === 1 ? 'it' : 'them'}, ` +
      'so it adds what it has that they lack and overrides none of their facts',
  ];
}
