import { constants } from 'node:buffer';
import { createReplyError, ReplyTooLongError, type RespValue } from '@redspec/types/internal';
import { ProtocolError } from '../errors.js';
import { RespFrame } from './resp-frame.js';
import { CR, LF, RespType } from './resp-type.js';

/** What a `RespDecoder` reports to. */
export interface RespDecoderOptions {
  /** Each complete top-level reply, in order. Error replies arrive here as `ReplyError` values. */
  onReply: (reply: RespValue) => void;
  /** RESP3 push frames (`>`): pub/sub messages, invalidations. Never counted as replies. */
  onPush?: (push: RespValue[]) => void;
  /** RESP3 attributes (`|`), which precede the value they describe and are otherwise skipped. */
  onAttribute?: (attributes: { [field: string]: RespValue }) => void;
  /** Invalid input. The decoder ignores further input until `reset()`. */
  onError: (error: ProtocolError) => void;
  /** Deepest aggregate nesting accepted; deeper input is a protocol error. Default 512. */
  maxDepth?: number;
  /** Longest bulk string accepted, in bytes; a longer declared one is a protocol error. */
  maxBulkLength?: number;
  /** Longest line accepted, in bytes (`+…`, `-…`, `:…` …); a longer one is a protocol error. */
  maxLineLength?: number;
}

const EMPTY = Buffer.alloc(0);

/**
 * `Buffer#toString(enc, start, end)` normalizes its arguments in JS before calling these
 * native slicers; calling them directly cut decode time by a fifth on small replies. They have
 * been on Buffer.prototype since Node 0.x.
 */
interface FastSlice {
  utf8Slice(start: number, end: number): string;
  latin1Slice(start: number, end: number): string;
}
const utf8 = (buf: Buffer, start: number, end: number): string =>
  (buf as unknown as FastSlice).utf8Slice(start, end);
const latin1 = (buf: Buffer, start: number, end: number): string =>
  (buf as unknown as FastSlice).latin1Slice(start, end);
/**
 * A status line: `OK` (SET, MSET…) and `QUEUED` (every command inside MULTI) come back as the same
 * string each time instead of a new one per reply: 24–32 bytes of garbage per command.
 */
function simpleString(buf: Buffer, start: number, end: number): string {
  if (spells(buf, start, end, 'OK')) return 'OK';
  if (spells(buf, start, end, 'QUEUED')) return 'QUEUED';
  return utf8(buf, start, end);
}

/** Whether the ASCII bytes `buf[start, end)` are `word`, read in place. */
function spells(buf: Buffer, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (buf[start + i] !== word.charCodeAt(i)) return false;
  return true;
}
// Bulk lengths are checked so a hostile header cannot make us buffer more than one Buffer holds.
const MAX_BULK = constants.MAX_LENGTH - 2;

/**
 * A bulk string as text. One longer than a JavaScript string can be (`MAX_STRING_LENGTH`,
 * ~512 MB) becomes a `ReplyTooLongError` in its place: only its command fails, where the throw
 * would have escaped the socket handler and ended the process.
 */
function text(buf: Buffer, start: number, end: number): RespValue {
  if (end - start <= constants.MAX_STRING_LENGTH) return utf8(buf, start, end);
  try {
    return utf8(buf, start, end); // multi-byte text may still fit
  } catch {
    return new ReplyTooLongError(end - start);
  }
}

/**
 * Streaming RESP2 + RESP3 decoder. `feed()` accepts chunks split at any byte. It is resumable:
 * aggregates live on an explicit stack, an unfinished bulk string is copied into a Buffer of its
 * declared length as its chunks arrive, and only an unfinished header line is re-read, so a
 * reply arriving in many chunks costs linear time. Nesting is bounded, so hostile input reports an error instead of
 * overflowing the stack.
 *
 * @example
 * const decoder = new RespDecoder({ onReply: console.log, onError: console.error });
 * decoder.feed(Buffer.from('$3\r\nfo'));
 * decoder.feed(Buffer.from('o\r\n')); // logs 'foo'
 */
export class RespDecoder {
  /**
   * Whether bulk strings decode to Buffers. Read when a top-level reply begins, so the owner can
   * flip it between replies: binary mode is per command.
   */
  returnBuffers = false;
  /** The same choice for push frames, which are not tied to any command. */
  pushBuffers = false;
  /** Whether integers decode to bigints (a bigint mode), latched like `returnBuffers`. */
  returnBigInts = false;

  private readonly options: RespDecoderOptions;
  private readonly onReply: (reply: RespValue) => void;
  private readonly maxDepth: number;
  private readonly maxBulk: number;
  private readonly maxLine: number;
  private buf: Buffer = EMPTY;
  private readonly frames: RespFrame[] = [];
  private depth = 0;
  /** `returnBuffers` as latched for the top-level reply being decoded. */
  private buffers = false;
  /** `returnBigInts` as latched for the top-level reply being decoded (never for pushes). */
  private bigints = false;
  /** Chunks of an unfinished header line. */
  private parts: Buffer[] = [];
  private partsLength = 0;
  /** Length of the unfinished bulk body, or -1 when the unfinished part is a header line. */
  private bulkLength = -1;
  private bulkType = 0;
  /**
   * The unfinished bulk body (and its CRLF), allocated at its declared length when it did not
   * fit in its chunk; each later chunk is copied in as it arrives. One copy per byte, as the
   * join of a chunk list was, but the chunks are garbage at once instead of living until the
   * join: a 16 MB GET peaked at twice its size in the heap before (see bench/results/).
   */
  private bulkBody: Buffer = EMPTY;
  private bulkFilled = 0;
  /** Set by `readInt`: index of the CR ending the line, or -1 when the line is incomplete. */
  private lineEnd = -1;
  private failed = false;

  constructor(options: RespDecoderOptions) {
    this.options = options;
    this.onReply = options.onReply;
    this.maxDepth = options.maxDepth ?? 512;
    this.maxBulk = Math.min(options.maxBulkLength ?? MAX_BULK, MAX_BULK);
    this.maxLine = options.maxLineLength ?? 1024 * 1024;
  }

  /** True when no reply is partly decoded. */
  get idle(): boolean {
    return this.depth === 0 && this.partsLength === 0 && this.bulkLength < 0 && !this.failed;
  }

  /**
   * Decodes as much of `chunk` as is complete and keeps a copy of the rest for the next call.
   * No reference into `chunk` outlives the call, so the caller may reuse its memory at once:
   * the connection reads every socket into one shared buffer (`net.connect({ onread })`).
   */
  feed(chunk: Buffer): void {
    if (this.failed || chunk.length === 0) return;
    try {
      if (this.bulkLength >= 0) this.continueBulk(chunk);
      else if (this.parts.length > 0) this.continueLine(chunk);
      else this.parse(chunk, 0);
    } catch (error) {
      if (!(error instanceof ProtocolError)) throw error;
      this.failed = true;
      this.drop();
      this.options.onError(error);
    }
  }

  /** Forgets any partial reply and the failed state, e.g. for a new socket. */
  reset(): void {
    this.failed = false;
    this.drop();
  }

  private drop(): void {
    for (let i = 0; i < this.depth; i++) this.frames[i]!.take();
    this.depth = 0;
    this.buf = EMPTY;
    this.parts = [];
    this.partsLength = 0;
    this.bulkLength = -1;
    this.bulkBody = EMPTY;
  }

  private continueLine(chunk: Buffer): void {
    // Join only once the line can be complete, so a long line over many chunks stays linear.
    if (chunk.indexOf(LF) === -1) {
      this.keep(chunk);
      this.checkLine();
      return;
    }
    this.parts.push(chunk);
    const joined = Buffer.concat(this.parts, this.partsLength + chunk.length);
    this.parts = [];
    this.partsLength = 0;
    this.parse(joined, 0);
  }

  private continueBulk(chunk: Buffer): void {
    const body = this.bulkBody;
    const missing = body.length - this.bulkFilled;
    const used = Math.min(missing, chunk.length);
    chunk.copy(body, this.bulkFilled, 0, used);
    this.bulkFilled += used;
    if (used < missing) return;
    const length = this.bulkLength;
    this.bulkBody = EMPTY;
    this.bulkLength = -1;
    this.checkCrlf(body, length);
    // `body` is this reply's own Buffer, so Buffer-mode values may share it without a copy.
    const value = this.bulkValue(this.bulkType, body, 0, length, false);
    this.buf = chunk;
    this.complete(value);
    if (this.buf === chunk) this.parse(chunk, used);
  }

  /** Keeps a copy: the fed chunk's memory is the caller's again once `feed()` returns. */
  private keep(chunk: Buffer): void {
    this.parts.push(Buffer.from(chunk));
    this.partsLength += chunk.length;
  }

  private parse(buf: Buffer, from: number): void {
    this.buf = buf;
    const end = buf.length;
    let pos = from;
    while (pos < end) {
      const start = pos;
      const type = buf[pos]!;
      if (this.depth === 0) {
        this.buffers = type === RespType.Push ? this.pushBuffers : this.returnBuffers;
        this.bigints = type !== RespType.Push && this.returnBigInts;
      }
      let value: RespValue;
      switch (type) {
        case RespType.BulkString:
        case RespType.BulkError:
        case RespType.VerbatimString: {
          const length = this.readInt(buf, pos + 1);
          if (this.lineEnd < 0) return this.keepLine(buf, start);
          pos = this.lineEnd + 2;
          if (length < 0) {
            if (length !== -1 || type !== RespType.BulkString) this.invalid('length', start);
            value = null;
            break;
          }
          if (length > this.maxBulk) {
            throw new ProtocolError(
              `A bulk string of ${length} bytes is longer than maxBulkLength (${this.maxBulk})`,
              start,
            );
          }
          if (pos + length + 2 > end) return this.keepBulk(buf, pos, type, length);
          this.checkCrlf(buf, pos + length);
          value =
            type === RespType.BulkString && !this.buffers
              ? text(buf, pos, pos + length)
              : this.bulkValue(type, buf, pos, pos + length, true);
          pos += length + 2;
          break;
        }
        case RespType.Array:
        case RespType.Set:
        case RespType.Push:
        case RespType.Map:
        case RespType.Attribute: {
          const count = this.readInt(buf, pos + 1);
          if (this.lineEnd < 0) return this.keepLine(buf, start);
          pos = this.lineEnd + 2;
          if (count > 0) {
            this.open(type, count, start);
            continue;
          }
          if (count === -1 && type === RespType.Array) value = null;
          else if (count !== 0) this.invalid('length', start);
          else if (type === RespType.Attribute) continue;
          else if (type === RespType.Map) value = {};
          else value = [];
          if (type === RespType.Push && this.depth === 0) {
            this.options.onPush?.(value as RespValue[]);
            if (this.buf !== buf) return;
            continue;
          }
          break;
        }
        case RespType.Integer: {
          value = this.readInt(buf, pos + 1);
          if (this.lineEnd < 0) return this.keepLine(buf, start);
          // Re-read exactly: past 2^53 the number above is rounded.
          if (this.bigints) value = BigInt(latin1(buf, pos + 1, this.lineEnd));
          pos = this.lineEnd + 2;
          break;
        }
        case RespType.SimpleString:
        case RespType.SimpleError:
        case RespType.Null:
        case RespType.Boolean:
        case RespType.Double:
        case RespType.BigNumber: {
          const cr = this.findLineEnd(buf, pos + 1);
          if (cr < 0) return this.keepLine(buf, start);
          value = this.lineValue(type, buf, pos + 1, cr);
          pos = cr + 2;
          break;
        }
        default:
          return this.invalid(`type byte 0x${type.toString(16).padStart(2, '0')}`, start);
      }
      if (this.depth === 0) this.onReply(value);
      else this.complete(value);
      // A callback may have reset the decoder (the owner destroyed the connection).
      if (this.buf !== buf) return;
    }
    this.buf = EMPTY;
  }

  private open(kind: number, count: number, offset: number): void {
    if (this.depth >= this.maxDepth) {
      throw new ProtocolError(`RESP nesting deeper than ${this.maxDepth}`, offset);
    }
    const frame = (this.frames[this.depth] ??= new RespFrame());
    frame.open(kind, count);
    this.depth++;
  }

  /** Adds a finished value to the open aggregate, closing every aggregate it completes. */
  private complete(value: RespValue): void {
    while (this.depth > 0) {
      const frame = this.frames[this.depth - 1]!;
      if (!frame.add(value)) return;
      this.depth--;
      const aggregate = frame.take();
      if (frame.kind === RespType.Attribute) {
        // An attribute describes the value that follows it; the parent does not count it.
        this.options.onAttribute?.(aggregate as { [field: string]: RespValue });
        return;
      }
      if (frame.kind === RespType.Push && this.depth === 0) {
        this.options.onPush?.(aggregate as RespValue[]);
        return;
      }
      value = aggregate;
    }
    this.onReply(value);
  }

  private bulkValue(
    type: number,
    buf: Buffer,
    start: number,
    end: number,
    copy: boolean,
  ): RespValue {
    if (type === RespType.BulkError) {
      const message = text(buf, start, end);
      return typeof message === 'string' ? createReplyError(message) : message;
    }
    if (type === RespType.VerbatimString) {
      // `=15\r\ntxt:Some string`: three bytes of format, a colon, then the text.
      if (end - start < 4) this.invalid('verbatim string', start);
      start += 4;
    }
    if (!this.buffers) return text(buf, start, end);
    if (!copy) return buf.subarray(start, end);
    // Copy, so a small value does not pin the whole socket chunk in memory.
    const out = Buffer.allocUnsafe(end - start);
    buf.copy(out, 0, start, end);
    return out;
  }

  private lineValue(type: number, buf: Buffer, start: number, end: number): RespValue {
    if (end - start > this.maxLine) this.lineTooLong(start);
    switch (type) {
      case RespType.SimpleString:
        return simpleString(buf, start, end);
      case RespType.SimpleError:
        return createReplyError(utf8(buf, start, end));
      case RespType.Null:
        if (end !== start) this.invalid('null', start);
        return null;
      case RespType.Boolean:
        if (end === start + 1 && buf[start] === 0x74) return true; // t
        if (end === start + 1 && buf[start] === 0x66) return false; // f
        return this.invalid('boolean', start);
      case RespType.Double:
        return this.parseDouble(latin1(buf, start, end), start);
      default:
        return this.parseBigInt(latin1(buf, start, end), start);
    }
  }

  private parseDouble(text: string, offset: number): number {
    if (text === 'inf' || text === '+inf') return Infinity;
    if (text === '-inf') return -Infinity;
    if (text === 'nan' || text === '-nan') return NaN;
    const value = Number(text);
    if (text === '' || Number.isNaN(value)) this.invalid('double', offset);
    return value;
  }

  private parseBigInt(text: string, offset: number): bigint {
    if (!/^[+-]?\d+$/.test(text)) this.invalid('big number', offset);
    return BigInt(text);
  }

  /**
   * Reads a signed decimal line starting at `pos`. Sets `lineEnd` to the CR's index, or to -1
   * when the line is not complete yet. Digits are accumulated inline because it is the hottest
   * path (every bulk and aggregate header).
   */
  private readInt(buf: Buffer, pos: number): number {
    const end = buf.length;
    let i = pos;
    const negative = i < end && buf[i] === 0x2d;
    if (negative) i++;
    const digits = i;
    let n = 0;
    for (; i < end; i++) {
      const c = buf[i]!;
      if (c === CR) break;
      if (c < 0x30 || c > 0x39) this.invalid('integer', i);
      n = n * 10 + (c - 0x30);
    }
    if (i + 1 >= end) {
      this.lineEnd = -1;
      return 0;
    }
    if (buf[i + 1] !== LF) this.invalid('line ending', i);
    if (i === digits) this.invalid('integer', pos);
    // Past 15 digits the running sum may round differently from a correct parse. RESP integers
    // are 64-bit: more than 19 digits is not one (and must never become Infinity).
    if (i - digits > 19) this.invalid('integer (longer than 64 bits)', pos);
    if (i - digits > 15) n = Number(latin1(buf, digits, i));
    this.lineEnd = i;
    return negative ? -n : n;
  }

  /** Index of the CR of a complete line starting at `pos`, or -1 if it has not all arrived. */
  private findLineEnd(buf: Buffer, pos: number): number {
    // A JS scan beats the native indexOf call on the short lines (+OK, :1, ,1.5) RESP is made of.
    const end = buf.length;
    let cr = pos;
    while (cr < end && buf[cr] !== CR) cr++;
    if (cr + 1 >= end) return -1;
    if (buf[cr + 1] !== LF) this.invalid('line ending', cr);
    return cr;
  }

  private checkCrlf(buf: Buffer, at: number): void {
    if (buf[at] !== CR || buf[at + 1] !== LF) this.invalid('bulk string terminator', at);
  }

  private keepLine(buf: Buffer, start: number): void {
    this.buf = EMPTY;
    // A copy, never a view: see `keep()`.
    this.parts = [Buffer.from(buf.subarray(start))];
    this.partsLength = buf.length - start;
    this.checkLine();
  }

  /** An unfinished line may not grow past `maxLineLength`: a server never ending it is hostile. */
  private checkLine(): void {
    if (this.partsLength > this.maxLine) this.lineTooLong(0);
  }

  private lineTooLong(offset: number): never {
    throw new ProtocolError(
      `A RESP line longer than maxLineLength (${this.maxLine} bytes)`,
      offset,
    );
  }

  private keepBulk(buf: Buffer, bodyStart: number, type: number, length: number): void {
    this.buf = EMPTY;
    this.bulkType = type;
    this.bulkLength = length;
    // Uninitialized memory: a declared length (at most maxBulkLength) costs address space, not
    // resident pages, until the bytes arrive.
    this.bulkBody = Buffer.allocUnsafe(length + 2);
    this.bulkFilled = buf.copy(this.bulkBody, 0, bodyStart);
  }

  private invalid(what: string, offset: number): never {
    throw new ProtocolError(`Invalid RESP ${what} at byte ${offset}`, offset);
  }
}
