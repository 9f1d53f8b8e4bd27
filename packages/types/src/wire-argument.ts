import type { RedisArgument } from './resp-values.js';

/**
 * What the RESP encoder accepts as one argument: a string, a Buffer, or a finite number. Raw
 * commands are checked with it before they are queued, and a big batch before its first part
 * goes out, so the encoder never fails halfway through something the server already has.
 */
export function isWireArgument(value: unknown): value is RedisArgument {
  return (
    typeof value === 'string' ||
    Buffer.isBuffer(value) ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}
