import { describe, expect, it } from 'vitest';
import { formatCommand, formatFailure } from './format-command.js';

describe('formatCommand', () => {
  it('shows short commands whole', () => {
    expect(formatCommand(['SET', 'a', 1], 1)).toBe('SET a 1');
    expect(formatCommand(['CLIENT', 'KILL', 'ID', 7], 2)).toBe('CLIENT KILL ID 7');
  });

  it('shows at most four arguments after the command words', () => {
    expect(formatCommand(['LPUSH', 'queue', 'a', 'b', 'c', 'd', 'e'], 1)).toBe(
      'LPUSH queue a b c …',
    );
    const words = formatCommand(['CLIENT', 'KILL', '1', '2', '3', '4', '5'], 2);
    expect(words).toBe('CLIENT KILL 1 2 3 4 …');
  });

  it('cuts long arguments short, Buffers included', () => {
    const long = 'x'.repeat(1000);
    expect(formatCommand(['SET', 'k', long], 1)).toBe(`SET k ${'x'.repeat(24)}…`);
    expect(formatCommand(['SET', 'k', Buffer.alloc(1 << 20, 'y')], 1)).toBe(
      `SET k ${'y'.repeat(24)}…`,
    );
    expect(formatCommand(['SET', 'k', Buffer.from('short')], 1)).toBe('SET k short');
  });
});

describe('formatFailure', () => {
  it('names the position, the command and the error', () => {
    const error = new Error('WRONGTYPE Operation against a key holding the wrong kind of value');
    expect(formatFailure(3, ['LPUSH', 'c', 'x'], 1, 'pipeline', error)).toBe(
      'command #3 (LPUSH c x) of pipeline failed: WRONGTYPE Operation against a key holding the wrong kind of value',
    );
    expect(formatFailure(0, ['INCR', 'k'], 1, 'transaction', new Error('ERR boom'))).toBe(
      'command #0 (INCR k) of transaction failed: ERR boom',
    );
  });
});
