import { prepareRawCommand, type RedisArgument } from '@redspec/types/internal';
import { describe, expect, it } from 'vitest';
import { formatCommand, formatFailure } from './format-command.js';

const raw = (...args: RedisArgument[]) => prepareRawCommand(args);

describe('formatCommand', () => {
  it('shows short commands whole', () => {
    expect(formatCommand(raw('SET', 'a', 1))).toBe('SET a 1');
    expect(formatCommand(raw('CLIENT', 'KILL', 'ID', 7))).toBe('CLIENT KILL ID 7');
  });

  it('shows at most four arguments after the command words', () => {
    expect(formatCommand(raw('LPUSH', 'queue', 'a', 'b', 'c', 'd', 'e'))).toBe(
      'LPUSH queue a b c …',
    );
    expect(formatCommand(raw('CLIENT', 'KILL', '1', '2', '3', '4', '5'))).toBe(
      'CLIENT KILL 1 2 3 4 …',
    );
  });

  it('cuts long arguments short, Buffers included', () => {
    const long = 'x'.repeat(1000);
    expect(formatCommand(raw('SET', 'k', long))).toBe(`SET k ${'x'.repeat(24)}…`);
    expect(formatCommand(raw('SET', 'k', Buffer.alloc(1 << 20, 'y')))).toBe(
      `SET k ${'y'.repeat(24)}…`,
    );
    expect(formatCommand(raw('SET', 'k', Buffer.from('short')))).toBe('SET k short');
  });

  it('never shows a password', () => {
    expect(formatCommand(raw('AUTH', 'app', 's3cret'))).toBe('AUTH <redacted> <redacted>');
    expect(formatCommand(raw('ACL', 'SETUSER', 'bob', '>s3cret'))).toBe(
      'ACL SETUSER bob <redacted>',
    );
  });
});

describe('formatFailure', () => {
  it('counts positions from 1 and gives the index too', () => {
    const error = new Error('WRONGTYPE Operation against a key holding the wrong kind of value');
    expect(formatFailure(2, raw('LPUSH', 'c', 'x'), 'pipeline', error)).toBe(
      'command #3 (index 2: LPUSH c x) of the pipeline failed: WRONGTYPE Operation against a key holding the wrong kind of value',
    );
    expect(formatFailure(0, raw('INCR', 'k'), 'transaction', new Error('ERR boom'))).toBe(
      'command #1 (index 0: INCR k) of the transaction failed: ERR boom',
    );
  });
});
