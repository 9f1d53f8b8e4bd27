import { ReplyError, type RespValue } from '@redspec/types';
import { describe, expect, it, vi } from 'vitest';
import { ProtocolError } from '../errors.js';
import { recordedErrors, recordedReplies } from '../../test/fakes/recorded-replies.js';
import { RespDecoder } from './resp-decoder.js';

interface Decoded {
  replies: RespValue[];
  pushes: RespValue[][];
  attributes: { [field: string]: RespValue }[];
  errors: ProtocolError[];
}

function decode(
  chunks: readonly Buffer[],
  setup?: (decoder: RespDecoder) => void,
  afterReply?: (decoder: RespDecoder) => void,
): Decoded {
  const out: Decoded = { replies: [], pushes: [], attributes: [], errors: [] };
  const decoder: RespDecoder = new RespDecoder({
    onReply: (reply) => {
      out.replies.push(reply);
      afterReply?.(decoder);
    },
    onPush: (push) => out.pushes.push(push),
    onAttribute: (attributes) => out.attributes.push(attributes),
    onError: (error) => out.errors.push(error),
  });
  setup?.(decoder);
  for (const chunk of chunks) decoder.feed(chunk);
  expect(decoder.idle || out.errors.length > 0).toBe(true);
  return out;
}

/**
 * Like `decode`, but fed the way the connection reads a socket (`net.connect({ onread })`):
 * every chunk arrives in the same buffer, overwritten with 0xff (a byte no RESP line or type
 * holds) as soon as `feed()` returns. Any view the decoder kept into a chunk reads garbage.
 */
function decodeThroughOneBuffer(
  chunks: readonly Buffer[],
  setup?: (decoder: RespDecoder) => void,
): Decoded {
  const size = chunks.reduce((max, chunk) => Math.max(max, chunk.length), 1);
  const shared = Buffer.alloc(size);
  const reused = chunks.map((chunk) => ({ chunk, view: shared.subarray(0, chunk.length) }));
  return decode(
    reused.map(({ view }) => view),
    (decoder) => {
      setup?.(decoder);
      const feed = decoder.feed.bind(decoder);
      let next = 0;
      decoder.feed = (view: Buffer): void => {
        reused[next++]!.chunk.copy(view);
        feed(view);
        shared.fill(0xff);
      };
    },
  );
}

/** The same bytes cut in two at `at`. */
function splitAt(bytes: Buffer, at: number): Buffer[] {
  return [bytes.subarray(0, at), bytes.subarray(at)];
}

function bytewise(bytes: Buffer): Buffer[] {
  return Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1));
}

/** mulberry32: small, seeded, good enough to pick split points reproducibly. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function expectDecoded(actual: Decoded, expected: (typeof recordedReplies)[number]): void {
  expect(actual.errors).toEqual([]);
  expect(actual.replies).toEqual(expected.replies);
  expect(actual.pushes).toEqual(expected.pushes ?? []);
  expect(actual.attributes).toEqual(expected.attributes ?? []);
}

describe('RespDecoder on recorded replies', () => {
  for (const recorded of recordedReplies) {
    const bytes = Buffer.from(recorded.wire, 'utf8');

    it(`${recorded.name}: whole`, () => {
      expectDecoded(decode([bytes]), recorded);
    });

    it(`${recorded.name}: split at every byte offset`, () => {
      for (let at = 0; at <= bytes.length; at++)
        expectDecoded(decode(splitAt(bytes, at)), recorded);
    });

    it(`${recorded.name}: one byte at a time`, () => {
      expectDecoded(decode(bytewise(bytes)), recorded);
    });
  }

  it('decodes a concatenation of every recording under seeded random splits', () => {
    const all = Buffer.concat(recordedReplies.map((r) => Buffer.from(r.wire, 'utf8')));
    const expected = {
      name: 'all',
      wire: '',
      replies: recordedReplies.flatMap((r) => r.replies),
      pushes: recordedReplies.flatMap((r) => r.pushes ?? []),
      attributes: recordedReplies.flatMap((r) => r.attributes ?? []),
    };
    for (let seed = 1; seed <= 200; seed++) {
      const random = prng(seed);
      const chunks: Buffer[] = [];
      for (let at = 0; at < all.length;) {
        const size = 1 + Math.floor(random() * (random() < 0.5 ? 8 : 200));
        chunks.push(all.subarray(at, at + size));
        at += size;
      }
      expectDecoded(decode(chunks), expected);
    }
  });
});

describe('RespDecoder fed from one reused read buffer', () => {
  for (const recorded of recordedReplies) {
    const bytes = Buffer.from(recorded.wire, 'utf8');

    it(`${recorded.name}: split at every byte offset and one byte at a time`, () => {
      for (let at = 0; at <= bytes.length; at++) {
        expectDecoded(decodeThroughOneBuffer(splitAt(bytes, at)), recorded);
      }
      expectDecoded(decodeThroughOneBuffer(bytewise(bytes)), recorded);
    });
  }

  it('keeps no view of a header or simple line split across reads', () => {
    const chunks = ['$1', '2\r\nhello', ' world!', '\r\n+O', 'K', '\r', '\n:4', '2\r\n'];
    const { replies, errors } = decodeThroughOneBuffer(chunks.map((c) => Buffer.from(c)));
    expect(errors).toEqual([]);
    expect(replies).toEqual(['hello world!', 'OK', 42]);
  });

  it('returns Buffers that survive the read buffer being overwritten, at every split', () => {
    const bytes = Buffer.from('*2\r\n$5\r\nfirst\r\n$6\r\nsecond\r\n$3\r\nend\r\n');
    for (let at = 0; at <= bytes.length; at++) {
      const { replies } = decodeThroughOneBuffer(
        splitAt(bytes, at),
        (decoder) => (decoder.returnBuffers = true),
      );
      expect(replies).toEqual([[Buffer.from('first'), Buffer.from('second')], Buffer.from('end')]);
    }
  });

  it('assembles a line longer than a read from several reads', () => {
    const line = `+${'x'.repeat(200)}\r\n`;
    const chunks: Buffer[] = [];
    for (let at = 0; at < line.length; at += 64) chunks.push(Buffer.from(line.slice(at, at + 64)));
    expect(decodeThroughOneBuffer(chunks).replies).toEqual(['x'.repeat(200)]);
  });
});

describe('RespDecoder error replies', () => {
  for (const { wire, message, errorClass } of recordedErrors) {
    it(`${message.split(' ')[0]} becomes ${errorClass.name}, in place, at every split`, () => {
      const bytes = Buffer.from(`${wire}:1\r\n`);
      for (let at = 0; at <= bytes.length; at++) {
        const { replies, errors } = decode(splitAt(bytes, at));
        expect(errors).toEqual([]);
        expect(replies).toHaveLength(2);
        expect(replies[0]).toBeInstanceOf(errorClass);
        expect((replies[0] as ReplyError).message).toBe(message);
        expect(replies[1]).toBe(1);
      }
    });
  }

  it('keeps error replies nested in an array (EXEC) as values', () => {
    const { replies } = decode([Buffer.from('*2\r\n+OK\r\n-ERR boom\r\n')]);
    const [ok, error] = replies[0] as RespValue[];
    expect(ok).toBe('OK');
    expect(error).toBeInstanceOf(ReplyError);
    expect((error as ReplyError).code).toBe('ERR');
  });
});

describe('RespDecoder binary mode', () => {
  it('latches returnBuffers when each top-level reply begins, at every split', () => {
    const bytes = Buffer.from(
      '$3\r\nabc\r\n*2\r\n$1\r\nx\r\n=8\r\ntxt:\xff\x00yz\r\n$2\r\nhi\r\n',
      'latin1',
    );
    for (let at = 0; at <= bytes.length; at++) {
      // Alternate per reply, as a connection serving a string and a Buffer client would.
      const { replies } = decode(
        splitAt(bytes, at),
        (decoder) => (decoder.returnBuffers = true),
        (decoder) => (decoder.returnBuffers = !decoder.returnBuffers),
      );
      expect(replies).toEqual([Buffer.from('abc'), ['x', '\ufffd\u0000yz'], Buffer.from('hi')]);
    }
  });

  it('returns Buffers that do not share memory with the fed chunk', () => {
    const chunk = Buffer.from('$3\r\nabc\r\n');
    const { replies } = decode([chunk], (decoder) => (decoder.returnBuffers = true));
    chunk.fill(0);
    expect(replies[0]).toEqual(Buffer.from('abc'));
  });

  it('copies a bulk split over chunks once, into the Buffer it returns, sharing no chunk', () => {
    const body = Buffer.alloc(1024 * 1024, 'v');
    const bytes = Buffer.concat([Buffer.from(`$${body.length}\r\n`), body, Buffer.from('\r\n')]);
    const chunks: Buffer[] = [];
    for (let at = 0; at < bytes.length; at += 65_536) {
      chunks.push(Buffer.from(bytes.subarray(at, at + 65_536)));
    }
    const { replies } = decode(chunks, (decoder) => (decoder.returnBuffers = true));
    for (const chunk of chunks) chunk.fill(0);
    const value = replies[0] as Buffer;
    expect(value.equals(body)).toBe(true);
    // The value is the start of one allocation of exactly the body and its CRLF: no list of
    // chunks joined afterwards, no second copy.
    expect(value.byteOffset).toBe(0);
    expect(value.buffer.byteLength).toBe(body.length + 2);
  });

  it('decodes push frames with pushBuffers, independently of returnBuffers', () => {
    const { pushes, replies } = decode(
      [Buffer.from('>2\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n')],
      (decoder) => {
        decoder.pushBuffers = true;
      },
    );
    expect(pushes).toEqual([[Buffer.from('a'), Buffer.from('b')]]);
    expect(replies).toEqual(['c']);
  });
});

describe('RespDecoder bigint mode', () => {
  it('latches returnBigInts per top-level reply and reads 64-bit integers exactly, at every split', () => {
    const bytes = Buffer.from(
      ':9223372036854775807\r\n*2\r\n:-9223372036854775808\r\n$1\r\nx\r\n:9007199254740993\r\n',
    );
    for (let at = 0; at <= bytes.length; at++) {
      const { replies } = decode(
        splitAt(bytes, at),
        (decoder) => (decoder.returnBigInts = true),
        (decoder) => (decoder.returnBigInts = !decoder.returnBigInts),
      );
      expect(replies).toEqual([
        9223372036854775807n,
        // Number mode: the closest double, as before.
        [-9223372036854775808, 'x'],
        9007199254740993n,
      ]);
    }
  });

  it('never gives push frames bigints: they belong to no command', () => {
    const { pushes, replies } = decode(
      [Buffer.from('>2\r\n$7\r\nmessage\r\n:1\r\n:2\r\n')],
      (decoder) => (decoder.returnBigInts = true),
    );
    expect(pushes).toEqual([['message', 1]]);
    expect(replies).toEqual([2n]);
  });

  it('refuses an integer longer than 64 bits in either mode, never Infinity', () => {
    for (const bigints of [false, true]) {
      const { replies, errors } = decode([Buffer.from(`:${'9'.repeat(400)}\r\n`)], (decoder) => {
        decoder.returnBigInts = bigints;
      });
      expect(replies).toEqual([]);
      expect(errors[0]).toBeInstanceOf(ProtocolError);
    }
  });
});

describe('RespDecoder on hostile input', () => {
  it('defines __proto__ as an own field instead of replacing the prototype', () => {
    const wire = '%2\r\n$9\r\n__proto__\r\n%1\r\n$5\r\nadmin\r\n#t\r\n$1\r\na\r\n:1\r\n';
    const reply = decode([Buffer.from(wire)]).replies[0] as Record<string, unknown>;
    expect(Object.getPrototypeOf(reply)).toBe(Object.prototype);
    expect(reply.admin).toBeUndefined();
    expect(Object.keys(reply)).toEqual(['__proto__', 'a']);
    expect(Object.getOwnPropertyDescriptor(reply, '__proto__')?.value).toEqual({ admin: true });
  });

  it('reports nesting deeper than maxDepth as a protocol error, without a stack overflow', () => {
    const deep = Buffer.from('*1\r\n'.repeat(100_000) + ':1\r\n');
    for (const chunks of [[deep], splitAt(deep, 2049)]) {
      const { replies, errors } = decode(chunks);
      expect(replies).toEqual([]);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toBeInstanceOf(ProtocolError);
      expect(errors[0]!.message).toMatch(/nesting deeper than 512/);
    }
  });

  it('accepts nesting up to maxDepth', () => {
    const { replies, errors } = decode([Buffer.from('*1\r\n'.repeat(512) + ':1\r\n')]);
    expect(errors).toEqual([]);
    let value = replies[0];
    for (let depth = 0; depth < 512; depth++) value = (value as RespValue[])[0];
    expect(value).toBe(1);
  });

  it.each([
    ['an unknown type byte', 'hello\r\n'],
    ['a bad integer', ':12a\r\n'],
    ['a missing LF', '+OK\rX'],
    ['a bad bulk terminator', '$3\r\nabcXY'],
    ['a negative bulk length', '$-2\r\n'],
    ['a null map', '%-1\r\n'],
    ['a bad boolean', '#x\r\n'],
    ['a bad double', ',abc\r\n'],
    ['a bad big number', '(12x\r\n'],
    ['a streamed aggregate', '*?\r\n'],
  ])('reports %s as a ProtocolError and ignores input until reset()', (_, wire) => {
    const out = decode([Buffer.from(wire), Buffer.from(':1\r\n')]);
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0]).toBeInstanceOf(ProtocolError);
    expect(out.replies).toEqual([]);
  });

  it('works again after reset()', () => {
    const replies: RespValue[] = [];
    const decoder = new RespDecoder({ onReply: (r) => replies.push(r), onError: () => {} });
    decoder.feed(Buffer.from('*2\r\n:1\r\n!!'));
    expect(decoder.idle).toBe(false);
    decoder.reset();
    decoder.feed(Buffer.from(':2\r\n'));
    expect(replies).toEqual([2]);
  });

  it('stops decoding when a callback resets it', () => {
    const replies: RespValue[] = [];
    const decoder = new RespDecoder({
      onReply: (reply) => {
        replies.push(reply);
        decoder.reset();
      },
      onError: () => {},
    });
    decoder.feed(Buffer.from(':1\r\n:2\r\n'));
    expect(replies).toEqual([1]);
  });
});

// Linear time, shown by counting the bytes the decoder joins (its only re-reading of input)
// instead of timing it: a quadratic regression joins the whole reply again at every chunk, and
// a count does not depend on how busy the machine is.
function joinedBytes(run: () => void): number {
  const concat = Buffer.concat.bind(Buffer);
  let total = 0;
  const spy = vi.spyOn(Buffer, 'concat').mockImplementation((list, length) => {
    const joined = concat(list, length);
    total += joined.length;
    return joined;
  });
  try {
    run();
  } finally {
    spy.mockRestore();
  }
  return total;
}

describe('RespDecoder cost', () => {
  it('assembles a 16 MB bulk string fed in 1 KB chunks in linear time', () => {
    const body = Buffer.alloc(16 * 1024 * 1024, 'x');
    const bytes = Buffer.concat([Buffer.from(`$${body.length}\r\n`), body, Buffer.from('\r\n')]);
    const chunks: Buffer[] = [];
    for (let at = 0; at < bytes.length; at += 1024) chunks.push(bytes.subarray(at, at + 1024));
    let replies: RespValue[] = [];
    const joined = joinedBytes(() => {
      replies = decode(chunks, (decoder) => (decoder.returnBuffers = true)).replies;
    });
    expect(joined).toBeLessThanOrEqual(2 * bytes.length);
    expect((replies[0] as Buffer).equals(body)).toBe(true);
  });

  it('decodes a 200k-element array fed in 7-byte chunks in linear time', () => {
    const bytes = Buffer.from(`*200000\r\n${'$5\r\nhello\r\n'.repeat(200_000)}`);
    const chunks: Buffer[] = [];
    for (let at = 0; at < bytes.length; at += 7) chunks.push(bytes.subarray(at, at + 7));
    let replies: RespValue[] = [];
    const joined = joinedBytes(() => {
      replies = decode(chunks).replies;
    });
    expect(joined).toBeLessThanOrEqual(3 * bytes.length);
    expect((replies[0] as string[]).length).toBe(200_000);
  });
});
