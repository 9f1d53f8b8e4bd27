import { describe, expect, it } from 'vitest';
import { isBlockingCall } from './blocking-call.js';
import { commandTable } from './generated/command-table.js';

describe('isBlockingCall', () => {
  it('blocks for BLPOP always and for XREAD only with BLOCK', () => {
    expect(isBlockingCall(commandTable.blpop, ['q', 1])).toBe(true);
    expect(isBlockingCall(commandTable.xread, [{ key: 's', id: '0' }])).toBe(false);
    expect(isBlockingCall(commandTable.xread, [{ key: 's', id: '$' }, { block: 100 }])).toBe(true);
    expect(isBlockingCall(commandTable.get, ['k'])).toBe(false);
  });
});
