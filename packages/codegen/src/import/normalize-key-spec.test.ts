import { describe, expect, it } from 'vitest';
import { normalizeKeySpec } from './normalize-key-spec.js';

describe('normalizeKeySpec', () => {
  it('converts index + range', () => {
    const raw = {
      notes: 'prose that must go',
      flags: ['RO'],
      begin_search: { index: { pos: 1 } },
      find_keys: { range: { lastkey: -1, step: 2, limit: 0 } },
    };
    expect(normalizeKeySpec(raw, 'T')).toEqual({
      flags: ['RO'],
      beginSearch: { index: 1 },
      findKeys: { range: { lastKey: -1, step: 2, limit: 0 } },
    });
  });

  it('converts keyword + keynum', () => {
    const raw = {
      flags: ['RW'],
      begin_search: { keyword: { keyword: 'STREAMS', startfrom: 1 } },
      find_keys: { keynum: { keynumidx: 0, firstkey: 1, step: 1 } },
    };
    expect(normalizeKeySpec(raw, 'T')).toMatchObject({
      beginSearch: { keyword: 'STREAMS', startFrom: 1 },
      findKeys: { keynum: { keyNumIdx: 0, firstKey: 1, step: 1 } },
    });
  });

  it('keeps unknown searches as a marker and rejects what it cannot read', () => {
    const unknown = { flags: [], begin_search: { unknown: null }, find_keys: { unknown: null } };
    expect(normalizeKeySpec(unknown, 'T')).toEqual({
      flags: [],
      beginSearch: { unknown: true },
      findKeys: { unknown: true },
    });
    expect(() => normalizeKeySpec({ begin_search: {}, find_keys: { unknown: null } }, 'T')).toThrow(
      /T: unrecognized begin_search/,
    );
  });
});
