import { describe, expect, it } from 'vitest';
import { RedisReplyError } from './errors.js';
import { encodeRespCommand, parseReply } from './resp-reply.js';

const parse = (wire: string): unknown => parseReply(Buffer.from(wire))?.value;

describe('encodeRespCommand', () => {
  it('writes a RESP array of bulk strings, counting bytes', () => {
    expect(encodeRespCommand(['PING']).toString()).toBe('*1\r\n$4\r\nPING\r\n');
    expect(encodeRespCommand(['SET', 'k', 'é', '']).toString()).toBe(
      '*4\r\n$3\r\nSET\r\n$1\r\nk\r\n$2\r\né\r\n$0\r\n\r\n',
    );
  });
});

describe('parseReply', () => {
  it('decodes each RESP2 type', () => {
    expect(parse('+PONG\r\n')).toBe('PONG');
    expect(parse(':42\r\n')).toBe(42);
    expect(parse('$5\r\nhe\r\nl\r\n')).toBe('he\r\nl');
    expect(parse('$-1\r\n')).toBeNull();
    expect(parse('*-1\r\n')).toBeNull();
    expect(parse('*2\r\n:1\r\n*1\r\n$1\r\nx\r\n')).toEqual([1, ['x']]);
  });

  it('returns error replies as RedisReplyError values with their code', () => {
    const error = parse('-NOAUTH Authentication required.\r\n');
    expect(error).toBeInstanceOf(RedisReplyError);
    expect((error as RedisReplyError).code).toBe('NOAUTH');
  });

  it('waits for the rest of a reply split across chunks', () => {
    const wire = Buffer.from('*2\r\n$3\r\nfoo\r\n:7\r\n');
    for (let cut = 0; cut < wire.length; cut++) {
      expect(parseReply(wire.subarray(0, cut))).toBeUndefined();
    }
    expect(parseReply(wire)).toEqual({ value: ['foo', 7], next: wire.length });
  });

  it('parses from an offset, one reply after another', () => {
    const wire = Buffer.from('+OK\r\n:1\r\n');
    const first = parseReply(wire);
    expect(first).toEqual({ value: 'OK', next: 5 });
    expect(parseReply(wire, first?.next)).toEqual({ value: 1, next: wire.length });
  });
});
