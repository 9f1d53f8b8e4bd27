import type { CommandBatch } from '@redspec/types/internal';
import type { ResolvedConnectionOptions } from './connection-options.js';

type Limits = Pick<ResolvedConnectionOptions, 'commandTimeout' | 'blockingGrace'>;

/**
 * How long a written command may wait for its reply: the command timeout, or for a blocking
 * one (BLPOP 5) its own blocking time plus a grace, so a stalled server cannot hold it much
 * longer than it asked to block, whatever `commandTimeout` says. A command that blocks until
 * answered (BLPOP 0) has none: it ends when answered or when its connection fails. 0 = none.
 */
export function replyTimeout(blockingMs: number | undefined, limits: Limits): number {
  if (blockingMs === undefined) return limits.commandTimeout;
  if (blockingMs === 0 || !Number.isFinite(blockingMs)) return 0;
  return blockingMs + limits.blockingGrace;
}

/** A batch's reply timeout: the command timeout, plus every blocking time it holds. */
export function batchTimeout(batch: CommandBatch, limits: Limits): number {
  let blocking = 0;
  for (const command of batch.commands) {
    const ms = command.blockingMs;
    if (ms === undefined) continue;
    if (ms === 0 || !Number.isFinite(ms)) return 0;
    blocking += ms;
  }
  return blocking === 0 ? limits.commandTimeout : blocking + limits.blockingGrace;
}
