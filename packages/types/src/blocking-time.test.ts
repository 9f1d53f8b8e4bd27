import { describe, expect, it } from 'vitest';
import { blockingTimeMs } from './blocking-time.js';
import { CommandFlag } from './command-spec.js';
import { commandTable } from './generated/command-table.js';

describe('blockingTimeMs', () => {
  it('reads each blocking command’s own timeout, in its unit', () => {
    expect(blockingTimeMs(commandTable.blpop, ['q', 1])).toBe(1000);
    expect(blockingTimeMs(commandTable.blpop, ['q', 0.25])).toBe(250);
    expect(blockingTimeMs(commandTable.blpop, ['q', 0])).toBe(0);
    expect(blockingTimeMs(commandTable.wait, [1, 300])).toBe(300);
    expect(blockingTimeMs(commandTable.blmpop, [2, ['a', 'b'], 'LEFT'])).toBe(2000);
  });

  it('blocks XREAD only with BLOCK, and never a plain command', () => {
    expect(blockingTimeMs(commandTable.xread, [{ key: 's', id: '0' }])).toBeUndefined();
    expect(blockingTimeMs(commandTable.xread, [{ key: 's', id: '$' }, { block: 100 }])).toBe(100);
    expect(blockingTimeMs(commandTable.xread, [{ key: 's', id: '$' }, { block: 0 }])).toBe(0);
    expect(blockingTimeMs(commandTable.get, ['k'])).toBeUndefined();
  });

  it('finds a timeout for every blocking command of the spec', () => {
    const blocking = Object.values(commandTable).filter(
      (spec) => (spec.flags & CommandFlag.BLOCKING) !== 0,
    );
    expect(blocking.length).toBeGreaterThanOrEqual(12);
    for (const spec of blocking) {
      const params: unknown[] = Array.from({ length: spec.params + 1 }, () => 5);
      params[spec.params] = { block: 5 };
      expect(blockingTimeMs(spec, params), spec.name).not.toBe(Infinity);
    }
  });
});
