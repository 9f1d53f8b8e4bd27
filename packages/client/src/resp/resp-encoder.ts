import { CommandArgumentError, type RedisArgument } from '@redspec/types';
import { CR, LF } from './resp-type.js';

const SLAB_SIZE = 64 * 1024;
const EMPTY = Buffer.alloc(0);
// `$` + up to 16 length digits + CRLF before a value, CRLF after it.
const ARG_OVERHEAD = 21;
// Below this length a JS loop copying char codes beats one native write call (55-60 ns
// on Node 20); the two cross at about 32 ASCII chars.
const SHORT_STRING = 32;
// Above this, reserve the exact byte length instead of 3 bytes per char.
const LARGE_STRING = 64 * 1024;

/** Buffer's native writer, skipping `Buffer#write`'s argument normalization. */
interface FastWrite {
  utf8Write(text: string, offset: number, length?: number): number;
}

/**
 * Encodes commands as RESP arrays of bulk strings straight into a slab Buffer. Commands written
 * between two `take()` calls come out as one contiguous Buffer, i.e. one socket write. `take()`
 * hands that region over for good (the socket may still be reading it); later commands go after
 * it in the same slab, and a new slab is started when it runs out, like Node's own Buffer pool.
 *
 * @example
 * const encoder = new RespEncoder();
 * encoder.write(['SET', 'key', 42]);
 * socket.write(encoder.take()); // *3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$2\r\n42\r\n
 */
export class RespEncoder {
  private slab: Buffer = EMPTY;
  /** Start of the bytes not yet taken. */
  private start = 0;
  /** End of the bytes written so far. */
  private end = 0;

  /** Bytes written and not yet taken. */
  get length(): number {
    return this.end - this.start;
  }

  /**
   * Appends one command. On an invalid argument nothing of the command is kept and a
   * `CommandArgumentError` is thrown, so a half-encoded command can never reach the socket.
   */
  write(args: readonly RedisArgument[]): void {
    this.writePlain(args, 0, undefined, undefined, undefined);
  }

  /**
   * Appends one command made of `words` then `count` (up to three) of `a`, `b`, `c`: a plain
   * typed call, whose words and parameters are never joined into one array (`write` is the
   * case of no parameters).
   */
  writePlain(
    words: readonly RedisArgument[],
    count: number,
    a: unknown,
    b: unknown,
    c: unknown,
  ): void {
    const mark = this.end;
    const at = words.length;
    try {
      this.reserve(ARG_OVERHEAD);
      this.header(0x2a, at + count);
      for (let i = 0; i < at; i++) this.writeArgument(words[i], words, i);
      if (count > 0) this.writeArgument(a, words, at);
      if (count > 1) this.writeArgument(b, words, at + 1);
      if (count > 2) this.writeArgument(c, words, at + 2);
    } catch (error) {
      this.end = mark;
      throw error;
    }
  }

  /** Drops what was written after the first `length` untaken bytes (a batch that failed to encode). */
  truncate(length: number): void {
    if (length < this.length) this.end = this.start + length;
  }

  /** Returns every byte written since the last call; the caller owns that Buffer. */
  take(): Buffer {
    const out = this.slab.subarray(this.start, this.end);
    this.start = this.end;
    // After a big command the slab is oversized; let it go with the Buffer just handed out.
    if (this.slab.length > SLAB_SIZE) this.release();
    return out;
  }

  private release(): void {
    this.slab = EMPTY;
    this.start = this.end = 0;
  }

  /** `words` and `index` name the command and the argument in an error. */
  private writeArgument(arg: unknown, words: readonly RedisArgument[], index: number): void {
    if (typeof arg === 'string') this.writeString(arg);
    else if (typeof arg === 'number') this.writeNumber(arg, words, index);
    else if (arg instanceof Uint8Array) this.writeBytes(arg);
    else throw badArgument(words, index, 'must be a string, Buffer or number');
  }

  private writeString(value: string): void {
    const length = value.length;
    if (length < SHORT_STRING) {
      this.reserve(length + ARG_OVERHEAD);
      const mark = this.end;
      this.header(0x24, length);
      const slab = this.slab;
      let end = this.end;
      for (let i = 0; i < length; i++) {
        const code = value.charCodeAt(i);
        if (code > 0x7f) break;
        slab[end++] = code;
      }
      if (end - this.end === length) {
        slab[end] = CR;
        slab[end + 1] = LF;
        this.end = end + 2;
        return;
      }
      this.end = mark; // not ASCII: its byte length differs, redo with the general path
    }
    if (length > LARGE_STRING) {
      // Reserving 3 bytes per char would be wasteful here; measure first.
      const bytes = Buffer.byteLength(value, 'utf8');
      this.reserve(bytes + ARG_OVERHEAD);
      this.header(0x24, bytes);
      this.end += (this.slab as unknown as FastWrite).utf8Write(value, this.end, bytes);
      this.crlf();
      return;
    }
    // One native call: reserve the worst case (3 bytes per UTF-16 unit), write the header as if
    // the text were ASCII, and fix the header afterwards if it was not.
    this.reserve(length * 3 + ARG_OVERHEAD);
    const headerAt = this.end;
    this.header(0x24, length);
    const bodyAt = this.end;
    const bytes = (this.slab as unknown as FastWrite).utf8Write(value, bodyAt);
    if (bytes !== length) {
      const shift = countDigits(bytes) - countDigits(length);
      if (shift !== 0) this.slab.copyWithin(bodyAt + shift, bodyAt, bodyAt + bytes);
      this.end = headerAt;
      this.header(0x24, bytes);
    }
    this.end += bytes;
    this.crlf();
  }

  private writeNumber(value: number, args: readonly RedisArgument[], index: number): void {
    if (!Number.isFinite(value))
      throw badArgument(args, index, `must be a finite number, got ${value}`);
    if (!Number.isSafeInteger(value)) {
      // Huge integers are written exactly (String() would round 2 ** 60 to ...847000); fractions
      // in JS's shortest round-trip form, which Redis's strtold parses back to the same double.
      this.writeString(Number.isInteger(value) ? BigInt(value).toString() : String(value));
      return;
    }
    const negative = value < 0;
    const abs = negative ? -value : value;
    const digits = countDigits(abs);
    this.reserve(digits + ARG_OVERHEAD);
    this.header(0x24, negative ? digits + 1 : digits);
    if (negative) this.slab[this.end++] = 0x2d;
    this.digits(abs, digits);
    this.crlf();
  }

  private writeBytes(value: Uint8Array): void {
    this.reserve(value.length + ARG_OVERHEAD);
    this.header(0x24, value.length);
    this.slab.set(value, this.end);
    this.end += value.length;
    this.crlf();
  }

  /** `*<n>\r\n` or `$<n>\r\n`; room must already be reserved. */
  private header(type: number, n: number): void {
    const slab = this.slab;
    slab[this.end++] = type;
    if (n < 10) slab[this.end++] = 0x30 + n;
    else this.digits(n, countDigits(n));
    slab[this.end++] = CR;
    slab[this.end++] = LF;
  }

  private digits(n: number, count: number): void {
    const slab = this.slab;
    let at = this.end + count;
    this.end = at;
    do {
      const next = Math.floor(n / 10);
      slab[--at] = 0x30 + (n - next * 10);
      n = next;
    } while (n > 0);
  }

  private crlf(): void {
    this.slab[this.end++] = CR;
    this.slab[this.end++] = LF;
  }

  /** Makes room for `bytes` more, moving the untaken bytes to a new slab if needed. */
  private reserve(bytes: number): void {
    if (this.end + bytes <= this.slab.length) return;
    const pending = this.end - this.start;
    // Doubles what accumulated (geometric growth over a long batch), but adds a large argument
    // only once: doubling a 16 MB value allocated 32 MB per SET (bench/results/large-values.md).
    const slab = Buffer.allocUnsafe(Math.max(SLAB_SIZE, pending * 2 + bytes));
    this.slab.copy(slab, 0, this.start, this.end);
    this.slab = slab;
    this.start = 0;
    this.end = pending;
  }
}

/** Encodes one command into its own Buffer (for tests and one-off writes). */
export function encodeCommandBuffer(args: readonly RedisArgument[]): Buffer {
  const encoder = new RespEncoder();
  encoder.write(args);
  return Buffer.from(encoder.take());
}

function countDigits(n: number): number {
  let count = 1;
  while (n >= 10) {
    n = Math.floor(n / 10);
    count++;
  }
  return count;
}

function badArgument(args: readonly RedisArgument[], index: number, problem: string): Error {
  const command = typeof args[0] === 'string' ? args[0] : 'command';
  return new CommandArgumentError(command, `#${index}`, problem);
}
