import { rejectIdenticalSources } from './identical-sources.js';
import type { SourceRecord } from './imported-command.js';
import { loadSource, type LoadedSource } from './load-source.js';
import { withRecords } from './source-records.js';
import { sortSources } from './source-id.js';

/**
 * Reads upstream folders for a merge and checks them as a set: given in merge order (Redis
 * before Valkey, each oldest first: an older release read after a newer one would override its
 * facts), no two stating the same commands; each carries what `records` (specs/sources.json)
 * decided about it.
 */
export async function readSources(
  folders: readonly string[],
  records: readonly SourceRecord[] = [],
): Promise<LoadedSource[]> {
  const loaded: LoadedSource[] = [];
  for (const folder of folders) loaded.push(await loadSource(folder));
  const given = loaded.map((source) => source.info.id);
  const ordered = sortSources(loaded.map((source) => source.info)).map((info) => info.id);
  if (given.join() !== ordered.join()) {
    throw new Error(
      `sources must be given in merge order, Redis before Valkey and each oldest first, so a ` +
        `newer release's facts win: ${ordered.join(' ')} (given: ${given.join(' ')})`,
    );
  }
  rejectIdenticalSources(loaded);
  return withRecords(loaded, records);
}
