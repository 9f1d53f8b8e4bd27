import {
  AskError,
  ClusterDownError,
  MovedError,
  TryAgainError,
  type RedisArgument,
  type RespValue,
} from '@redspec/types';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConnectionClosedError, ConnectionError } from '../errors.js';
import {
  ClusterRoutingError,
  NodeUnreachableError,
  TooManyRedirectionsError,
} from './cluster-errors.js';
import type { ClusterTopology } from './cluster-topology.js';
import type { NodePool } from './node-pool.js';
import { clusterNode, type ClusterNode } from './slot-map.js';

/** One command bound for one slot. */
export interface SlotCommand {
  /** For error messages: `GET`, `CLIENT KILL`. */
  readonly name: string;
  readonly wire: readonly RedisArgument[];
  readonly slot: number;
  /** READONLY-flagged: may go to a replica when `readFrom` allows. */
  readonly read: boolean;
  /** Runs on a dedicated connection of the node, with no timeout. */
  readonly blocking: boolean;
  readonly buffers: boolean;
}

/** Limits on how often one command is redirected or retried. */
export interface RetryLimits {
  readonly maxRedirections: number;
  readonly maxRetries: number;
}

/** 50, 100, 200, 400, 400 … ms: long enough for a failover or a slot migration step. */
const backoff = (attempt: number): number => Math.min(400, 50 * 2 ** (attempt - 1));

/**
 * Sends single-slot commands to the node that serves them and follows the cluster's answers:
 * `MOVED` patches the slot map and retries on the new owner; `ASK` sends `ASKING` plus the
 * command in one batch on the target, once; `TRYAGAIN`, `CLUSTERDOWN`, an unserved slot and an
 * unreachable node retry after a backoff (and, but for `TRYAGAIN`, a slot map refresh).
 * A command that may have been written (its connection dropped afterwards) is never resent.
 */
export class SlotSender {
  constructor(
    private readonly topology: ClusterTopology,
    private readonly pool: NodePool,
    private readonly limits: RetryLimits,
    /** Aborted when the cluster closes, to end backoff waits at once. */
    private readonly closed: AbortSignal,
  ) {}

  /** The first try is sent synchronously, so commands issued in one tick keep their order. */
  send(command: SlotCommand): Promise<RespValue> {
    let node: ClusterNode;
    try {
      node = this.topology.nodeForSlot(command.slot, command.read);
    } catch (error) {
      return this.recover(command, error, false);
    }
    return this.sendTo(node, command, false).catch((error: unknown) =>
      this.recover(command, error, node.role === 'replica'),
    );
  }

  /**
   * One try on one node, no redirection handling; `asking` prefixes `ASKING` in the same batch.
   * A failure before the command could be written becomes `NodeUnreachableError`.
   */
  sendTo(node: ClusterNode, command: SlotCommand, asking: boolean): Promise<RespValue> {
    if (command.blocking) return this.sendDedicated(node, command, asking);
    let entry;
    try {
      entry = this.pool.get(node);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    const options = { returnBuffers: command.buffers };
    const reply = asking
      ? entry.connection.sendBatch([['ASKING'], command.wire], undefined, options).then(askedReply)
      : entry.connection.send(command.wire, options);
    return reply.catch((error: unknown) => {
      const unsent = error instanceof ConnectionError && !entry.wasReady;
      throw unsent ? new NodeUnreachableError(node.address, { cause: error }) : error;
    });
  }

  /**
   * One batch on the node's shared connection, errors in place, no redirection handling. A
   * failure before the connection ever became ready becomes `NodeUnreachableError`: nothing
   * was written, so every command of the batch may be sent elsewhere.
   */
  sendBatchTo(
    node: ClusterNode,
    commands: readonly (readonly RedisArgument[])[],
    timeoutMs: number | undefined,
    buffers: boolean,
  ): Promise<RespValue[]> {
    let entry;
    try {
      entry = this.pool.get(node);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    const sent = entry.connection.sendBatch(commands, timeoutMs, { returnBuffers: buffers });
    return sent.catch((error: unknown) => {
      const unsent = error instanceof ConnectionError && !entry.wasReady;
      throw unsent ? new NodeUnreachableError(node.address, { cause: error }) : error;
    });
  }

  private async sendDedicated(
    node: ClusterNode,
    command: SlotCommand,
    asking: boolean,
  ): Promise<RespValue> {
    const pool = this.pool.dedicatedPool(node);
    const connection = await pool.acquire().catch((error: unknown) => {
      throw new NodeUnreachableError(node.address, { cause: error });
    });
    const options = { returnBuffers: command.buffers };
    try {
      // No deadline: blocking is the point; the command's own timeout argument bounds it.
      return asking
        ? askedReply(await connection.sendBatch([['ASKING'], command.wire], 0, options))
        : await connection.send(command.wire, { ...options, timeoutMs: 0 });
    } finally {
      pool.release(connection);
    }
  }

  private async pause(command: SlotCommand, ms: number): Promise<void> {
    try {
      await sleep(ms, undefined, { signal: this.closed });
    } catch (error) {
      const message = `${command.name} was not retried: the cluster client closed`;
      throw new ConnectionClosedError(message, { cause: error });
    }
  }

  /** `prefer-replica`: once a replica cannot be reached, this command reads from the primary. */
  private fallBackToPrimary(fromReplica: boolean, error: unknown): boolean {
    return (
      fromReplica &&
      error instanceof NodeUnreachableError &&
      this.topology.readFrom === 'prefer-replica'
    );
  }

  /**
   * Carries on with a command whose try failed with `first`: follows MOVED/ASK, waits out
   * TRYAGAIN, CLUSTERDOWN and unreachable nodes, throws anything else. Cluster batches call it
   * for the commands answered with a redirection, so only those are sent again.
   */
  async recover(command: SlotCommand, first: unknown, fromReplica = false): Promise<RespValue> {
    const read = command.read && !this.fallBackToPrimary(fromReplica, first);
    const state: RetryState = { redirections: 0, retries: 0, read };
    let error = first;
    for (;;) {
      const asking = await this.afterFailure(command, error, state);
      let node: ClusterNode | undefined;
      try {
        node = asking ?? this.topology.nodeForSlot(command.slot, state.read);
        return await this.sendTo(node, command, asking !== undefined);
      } catch (next) {
        error = next;
        if (this.fallBackToPrimary(node?.role === 'replica', next)) state.read = false;
      }
    }
  }

  /** Acts on one failure: returns an ASK target, or waits out a transient error, or throws. */
  private async afterFailure(
    command: SlotCommand,
    error: unknown,
    state: RetryState,
  ): Promise<ClusterNode | undefined> {
    if (error instanceof MovedError || error instanceof AskError) {
      if (++state.redirections > this.limits.maxRedirections) {
        throw new TooManyRedirectionsError(command.name, state.redirections - 1, { cause: error });
      }
      if (error instanceof AskError) return clusterNode(error.host, error.port, 'primary');
      this.topology.moved(error.slot, error.host, error.port);
      return undefined;
    }
    if (!isTransient(error) || ++state.retries >= this.limits.maxRetries) throw error;
    if (!(error instanceof TryAgainError)) await this.topology.refresh().catch(() => undefined);
    await this.pause(command, backoff(state.retries));
    return undefined;
  }
}

interface RetryState {
  redirections: number;
  retries: number;
  /** Whether the command may still go to a replica. */
  read: boolean;
}

/** The reply to the command after `ASKING`; an error reply throws, to be handled as usual. */
function askedReply(replies: RespValue[]): RespValue {
  const [asking, reply = null] = replies;
  if (asking instanceof Error) throw asking;
  if (reply instanceof Error) throw reply;
  return reply;
}

/** Answers that say "not now": the same command may succeed after a pause. */
function isTransient(error: unknown): boolean {
  return (
    error instanceof TryAgainError ||
    error instanceof ClusterDownError ||
    error instanceof NodeUnreachableError ||
    error instanceof ClusterRoutingError
  );
}
