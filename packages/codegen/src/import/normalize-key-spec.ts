import type { SpecKeySpec } from '../model/spec-types.js';
import type { UpstreamKeySpec } from './upstream-types.js';

/**
 * Converts one upstream key spec to ours: camelCased, one variant per search step, and without
 * the `notes` prose.
 */
export function normalizeKeySpec(raw: UpstreamKeySpec, where: string): SpecKeySpec {
  return {
    flags: [...(raw.flags ?? [])],
    beginSearch: normalizeBeginSearch(raw.begin_search, where),
    findKeys: normalizeFindKeys(raw.find_keys, where),
  };
}

function normalizeBeginSearch(
  raw: UpstreamKeySpec['begin_search'],
  where: string,
): SpecKeySpec['beginSearch'] {
  if (raw.index) return { index: raw.index.pos };
  if (raw.keyword) return { keyword: raw.keyword.keyword, startFrom: raw.keyword.startfrom };
  if ('unknown' in raw) return { unknown: true };
  throw new Error(`${where}: unrecognized begin_search ${JSON.stringify(raw)}`);
}

function normalizeFindKeys(
  raw: UpstreamKeySpec['find_keys'],
  where: string,
): SpecKeySpec['findKeys'] {
  if (raw.range) {
    const { lastkey, step, limit } = raw.range;
    return { range: { lastKey: lastkey, step, limit } };
  }
  if (raw.keynum) {
    const { keynumidx, firstkey, step } = raw.keynum;
    return { keynum: { keyNumIdx: keynumidx, firstKey: firstkey, step } };
  }
  if ('unknown' in raw) return { unknown: true };
  throw new Error(`${where}: unrecognized find_keys ${JSON.stringify(raw)}`);
}
