import { RedspecError } from '@redspec/types';
import { ConnectionError } from '../errors.js';

/**
 * A command whose keys hash to different slots, refused before anything was sent. Only
 * `multi_shard` commands (MGET, MSET, DEL …) are split per slot; for the others, put the keys
 * in one slot with a hashtag: `{user:42}:a`, `{user:42}:b`. A transaction, and everything sent
 * on a watched connection, must keep all its keys in one slot too (`command` is then
 * `MULTI/EXEC`, or the command that left the watched slot).
 */
export class CrossSlotError extends RedspecError {
  override name = 'CrossSlotError';
  constructor(
    readonly command: string,
    /** Every distinct slot the command's keys hash to, in key order. */
    readonly slots: readonly number[],
    /** What the keys belong to, for the message: a transaction, a watched connection. */
    subject = `${command} keys`,
  ) {
    super(
      `${subject} hash to different slots (${slots.join(', ')}): ` +
        'use a {hashtag} to put them in one slot',
    );
  }
}

/** The command cannot be routed: no node serves its slot, or it needs a node chosen by you. */
export class ClusterRoutingError extends RedspecError {
  override name = 'ClusterRoutingError';
  constructor(
    message: string,
    readonly command?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** No node answered CLUSTER SHARDS / CLUSTER SLOTS; `cause` holds each node's error. */
export class ClusterDiscoveryError extends RedspecError {
  override name = 'ClusterDiscoveryError';
}

/** A command was redirected (MOVED, ASK) or told to wait (TRYAGAIN, CLUSTERDOWN) too often. */
export class TooManyRedirectionsError extends RedspecError {
  override name = 'TooManyRedirectionsError';
  constructor(
    readonly command: string,
    readonly attempts: number,
    options: { cause: unknown },
  ) {
    super(`${command} gave up after ${attempts} redirections or retries`, options);
  }
}

/**
 * A node could not be reached, so the command was never sent: safe to send elsewhere. The
 * cluster retries it after refreshing the slot map; this is what is left when retries ran out.
 */
export class NodeUnreachableError extends ConnectionError {
  override name = 'NodeUnreachableError';
  constructor(
    readonly address: string,
    options: { cause: unknown },
  ) {
    super(`Cannot reach cluster node ${address}: ${(options.cause as Error).message}`, options);
  }
}
