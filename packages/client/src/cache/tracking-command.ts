import {
  createReplyError,
  ReplyError,
  type RedisArgument,
  type RespValue,
} from '@redspec/types/internal';
import type { HandshakeExchange } from '../connection/handshake.js';
import type { ResolvedCacheOptions } from './cache-options.js';

/** `CLIENT TRACKING ON [REDIRECT id] [BCAST [PREFIX p …]]` for these options. */
export function trackingCommand(
  options: ResolvedCacheOptions,
  redirectId: number | undefined,
): RedisArgument[] {
  const args: RedisArgument[] = ['CLIENT', 'TRACKING', 'ON'];
  if (redirectId !== undefined) args.push('REDIRECT', redirectId);
  if (options.bcast) {
    args.push('BCAST');
    for (const prefix of options.prefixes) args.push('PREFIX', prefix);
  }
  return args;
}

/**
 * Turns tracking on within a connection's handshake. A server that refuses (before Redis 6, or
 * a user without the permission) fails the connection with an error saying why: serving from a
 * cache nobody invalidates would be worse than not connecting.
 */
export async function enableTracking(
  exchange: HandshakeExchange,
  options: ResolvedCacheOptions,
  redirectId: number | undefined,
): Promise<void> {
  const [reply] = await exchange([trackingCommand(options, redirectId)]);
  if (reply instanceof ReplyError) {
    const error = createReplyError(
      `${reply.message} (clientSideCache needs CLIENT TRACKING, Redis 6 or later)`,
    );
    error.command = 'CLIENT TRACKING';
    throw error;
  }
}

/** The keys of an invalidation push frame (`invalidate`, RESP3), or undefined for other pushes. */
export function invalidatedKeys(frame: readonly RespValue[]): RespValue | undefined {
  const kind = frame[0];
  const name = Buffer.isBuffer(kind) ? kind.toString() : kind;
  return name === 'invalidate' ? (frame[1] ?? null) : undefined;
}
