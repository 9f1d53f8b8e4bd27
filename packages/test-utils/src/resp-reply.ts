import { RedisReplyError } from './errors.js';

/**
 * A decoded RESP2 reply. Simple and bulk strings become strings, `$-1`/`*-1` become
 * `null`, and error replies nested in arrays stay values (`RedisReplyError`).
 */
export type RawReply = string | number | null | RedisReplyError | RawReply[];

/** A reply and the offset just past it. */
export interface ParsedReply {
  value: RawReply;
  next: number;
}

/** Encodes one command as a RESP array of bulk strings, as a client sends it. */
export function encodeRespCommand(args: readonly string[]): Buffer {
  const parts = [`*${args.length}\r\n`];
  for (const arg of args) parts.push(`$${Buffer.byteLength(arg)}\r\n${arg}\r\n`);
  return Buffer.from(parts.join(''));
}

/**
 * Parses one RESP2 reply starting at `offset`.
 * Returns `undefined` while the buffer does not yet hold the whole reply.
 */
export function parseReply(buf: Buffer, offset = 0): ParsedReply | undefined {
  const lineEnd = buf.indexOf('\r\n', offset);
  if (lineEnd === -1) return undefined;
  const type = String.fromCharCode(buf[offset] ?? 0);
  const line = buf.toString('utf8', offset + 1, lineEnd);
  const next = lineEnd + 2;
  switch (type) {
    case '+':
      return { value: line, next };
    case '-':
      return { value: new RedisReplyError(line), next };
    case ':':
      return { value: Number(line), next };
    case '$':
      return parseBulk(buf, Number(line), next);
    case '*':
      return parseArray(buf, Number(line), next);
    default:
      throw new Error(`unexpected RESP type byte ${JSON.stringify(type)} at offset ${offset}`);
  }
}

function parseBulk(buf: Buffer, length: number, start: number): ParsedReply | undefined {
  if (length < 0) return { value: null, next: start };
  if (buf.length < start + length + 2) return undefined;
  return { value: buf.toString('utf8', start, start + length), next: start + length + 2 };
}

function parseArray(buf: Buffer, count: number, start: number): ParsedReply | undefined {
  if (count < 0) return { value: null, next: start };
  const items: RawReply[] = [];
  let next = start;
  for (let i = 0; i < count; i++) {
    const item = parseReply(buf, next);
    if (item === undefined) return undefined;
    items.push(item.value);
    next = item.next;
  }
  return { value: items, next };
}
