import { CommandArgumentError, type RespValue } from '@redspec/types';
import { describe, expect, it } from 'vitest';
import { RespDecoder } from './resp-decoder.js';
import { encodeCommandBuffer, RespEncoder } from './resp-encoder.js';

const bytes = (...parts: (string | number[])[]): Buffer =>
  Buffer.concat(
    parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))),
  );

describe('RespEncoder', () => {
  it('encodes a command as an array of bulk strings', () => {
    expect(encodeCommandBuffer(['SET', 'key', 'value']).toString()).toBe(
      '*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$5\r\nvalue\r\n',
    );
  });

  it('encodes mixed strings, unicode, Buffers and numbers byte for byte', () => {
    const args = ['HSET', 'ключ', Buffer.from([0, 13, 10, 255]), 42, -7, 0, -0, 1.5, '😀', '', 'é'];
    expect(encodeCommandBuffer(args)).toEqual(
      bytes(
        '*11\r\n$4\r\nHSET\r\n',
        '$8\r\nключ\r\n',
        '$4\r\n',
        [0, 13, 10, 255],
        '\r\n$2\r\n42\r\n$2\r\n-7\r\n$1\r\n0\r\n$1\r\n0\r\n$3\r\n1.5\r\n',
        '$4\r\n😀\r\n$0\r\n\r\n$2\r\né\r\n',
      ),
    );
  });

  it('encodes long ASCII and long non-ASCII strings with their UTF-8 byte length', () => {
    const ascii = 'a'.repeat(1000);
    const unicode = 'ü'.repeat(1000) + '\ud800'; // a lone surrogate encodes as U+FFFD, 3 bytes
    expect(encodeCommandBuffer([ascii, unicode])).toEqual(
      bytes(`*2\r\n$1000\r\n${ascii}\r\n$2003\r\n${'ü'.repeat(1000)}`, [0xef, 0xbf, 0xbd], '\r\n'),
    );
  });

  // CPU-bound (thousands of Buffer comparisons): about 5 s on a busy two-core machine.
  it('matches a naive reference encoder on strings of every length and mix of scripts', () => {
    const reference = (args: readonly string[]): Buffer =>
      Buffer.from(
        `*${args.length}\r\n` + args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join(''),
      );
    const alphabets = ['abc', 'é', '日本', '😀', 'a\ud800b', 'xé😀'];
    const encoder = new RespEncoder();
    for (const alphabet of alphabets) {
      for (let length = 0; length < 1200; length += length < 70 ? 1 : 97) {
        // Lengths around 9/10, 99/100 and the 32-char fast path exercise the header fix-up.
        const text = alphabet.repeat(Math.ceil(length / alphabet.length)).slice(0, length);
        encoder.write(['SET', text, 'x']);
        // Buffer#equals: vitest's deep equality walks Buffers byte by byte, seconds for this loop.
        expect(encoder.take().equals(reference(['SET', text, 'x'])), text).toBe(true);
      }
      const large = alphabet.repeat(Math.ceil(70_000 / alphabet.length)); // past LARGE_STRING
      encoder.write([large]);
      expect(encoder.take().equals(reference([large]))).toBe(true);
    }
  }, 30_000);

  it('writes large and fractional numbers in a form Redis parses back', () => {
    expect(
      encodeCommandBuffer([2 ** 53, -(2 ** 60), 1e21, 1.5e-7, Number.MAX_SAFE_INTEGER]).toString(),
    ).toBe(
      '*5\r\n$16\r\n9007199254740992\r\n$20\r\n-1152921504606846976\r\n$22\r\n1000000000000000000000\r\n' +
        '$6\r\n1.5e-7\r\n$16\r\n9007199254740991\r\n',
    );
  });

  it.each([NaN, Infinity, -Infinity])('rejects %s and keeps nothing of that command', (bad) => {
    const encoder = new RespEncoder();
    encoder.write(['PING']);
    const before = encoder.length;
    expect(() => encoder.write(['INCRBY', 'counter', bad])).toThrow(CommandArgumentError);
    expect(encoder.length).toBe(before);
    encoder.write(['PING']);
    expect(encoder.take().toString()).toBe('*1\r\n$4\r\nPING\r\n'.repeat(2));
  });

  it('rejects arguments that are not strings, Buffers or numbers', () => {
    const args = ['SET', 'key', undefined] as unknown as string[];
    expect(() => encodeCommandBuffer(args)).toThrow(
      /SET: argument '#2' must be a string, Buffer or number/,
    );
  });

  it('puts every command written between take() calls into one Buffer', () => {
    const encoder = new RespEncoder();
    encoder.write(['GET', 'a']);
    encoder.write(['GET', 'b']);
    expect(encoder.take().toString()).toBe(
      '*2\r\n$3\r\nGET\r\n$1\r\na\r\n*2\r\n$3\r\nGET\r\n$1\r\nb\r\n',
    );
    expect(encoder.length).toBe(0);
    expect(encoder.take().length).toBe(0);
  });

  it('never writes into a Buffer it has handed out', () => {
    const encoder = new RespEncoder();
    const taken: [Buffer, string][] = [];
    for (let i = 0; i < 20_000; i++) {
      encoder.write(['SET', `key:${i}`, i % 97 === 0 ? 'v'.repeat(5000) : `value:${i}`]);
      if (i % 7 === 0) {
        const out = encoder.take();
        taken.push([out, out.toString('latin1')]);
      }
    }
    for (const [buffer, text] of taken) expect(buffer.toString('latin1')).toBe(text);
  });

  it('handles a 4 MB Buffer argument', () => {
    const big = Buffer.alloc(4 * 1024 * 1024, 7);
    const out = encodeCommandBuffer(['SET', 'k', big]);
    expect(out.subarray(0, 25).toString()).toBe('*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$4194');
    expect(out.subarray(out.length - big.length - 2, out.length - 2).equals(big)).toBe(true);
  });

  it('round-trips through RespDecoder', () => {
    const args = ['MSET', 'é', 'x'.repeat(70_000), 'n', 123_456_789, 'b', Buffer.from('bin')];
    const replies: RespValue[] = [];
    const decoder = new RespDecoder({
      onReply: (r) => replies.push(r),
      onError: (e) => replies.push(e),
    });
    decoder.feed(encodeCommandBuffer(args));
    expect(replies).toEqual([['MSET', 'é', 'x'.repeat(70_000), 'n', '123456789', 'b', 'bin']]);
  });
});
