import {
  AskError,
  MovedError,
  prepareRawCommand,
  replyValue,
  TryAgainError,
  type BatchReplies,
  type CommandBatch,
  type PreparedCommand,
} from '@redspec/types/internal';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ReplyMode } from '../backend/command-backend.js';
import { AbortError, ConnectionClosedError, ConnectionError } from '../errors.js';
import { NodeUnreachableError, TooManyRedirectionsError } from './cluster-errors.js';
import { isTransientClusterError } from './cluster-replies.js';
import type { ClusterTopology } from './cluster-topology.js';
import type { NodePool } from './node-pool.js';
import { clusterNode, type ClusterNode } from './slot-map.js';

/** One command bound for one slot. */
export interface SlotCommand {
  readonly command: PreparedCommand;
  readonly slot: number;
  /** READONLY-flagged: may go to a replica when `readFrom` allows. */
  readonly read: boolean;
  readonly mode: ReplyMode;
}

/** Limits on how often one command is redirected or retried. */
export interface RetryLimits {
  readonly maxRedirections: number;
  readonly maxRetries: number;
}

const ASKING = prepareRawCommand(['ASKING']);

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
  send(target: SlotCommand): Promise<unknown> {
    let node: ClusterNode;
    try {
      node = this.topology.nodeForSlot(target.slot, target.read);
    } catch (error) {
      return this.recover(target, error, false);
    }
    return this.sendTo(node, target, false).catch((error: unknown) =>
      this.recover(target, error, node.role === 'replica'),
    );
  }

  /**
   * One try on one node, no redirection handling; `asking` prefixes `ASKING` in the same batch.
   * A failure before the command could be written becomes `NodeUnreachableError`. Resolves
   * with the reply shaped by the command's plan.
   */
  sendTo(node: ClusterNode, target: SlotCommand, asking: boolean): Promise<unknown> {
    const { command, mode } = target;
    if (command.blockingMs !== undefined) return this.sendDedicated(node, target, asking);
    let entry;
    try {
      entry = this.pool.get(node);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    const reply = asking
      ? entry.connection
          .sendBatch(askingBatch(command), mode)
          .then((replies) => asked(command, replies, mode.bigints))
      : entry.connection.send(command, mode);
    return reply.catch((error: unknown) => {
      throw entry.wasReady || !(error instanceof ConnectionError)
        ? error
        : unreachable(node, error);
    });
  }

  /**
   * One batch on the node's shared connection, errors in place, no redirection handling. A
   * failure before the connection ever became ready becomes `NodeUnreachableError`: nothing
   * was written, so every command of the batch may be sent elsewhere.
   */
  sendBatchTo(node: ClusterNode, batch: CommandBatch, mode: ReplyMode): Promise<BatchReplies> {
    let entry;
    try {
      entry = this.pool.get(node);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return entry.connection.sendBatch(batch, mode).catch((error: unknown) => {
      throw entry.wasReady || !(error instanceof ConnectionError)
        ? error
        : unreachable(node, error);
    });
  }

  private async sendDedicated(
    node: ClusterNode,
    target: SlotCommand,
    asking: boolean,
  ): Promise<unknown> {
    const pool = this.pool.dedicatedPool(node);
    const { signal, name } = target.command;
    const connection = await pool.acquire(signal, name).catch((error: unknown) => {
      throw error instanceof AbortError ? error : unreachable(node, error);
    });
    try {
      if (!asking) return await connection.send(target.command, target.mode);
      const replies = await connection.sendBatch(askingBatch(target.command), target.mode);
      return asked(target.command, replies, target.mode.bigints);
    } finally {
      pool.release(connection);
    }
  }

  private async pause(target: SlotCommand, ms: number): Promise<void> {
    try {
      await sleep(ms, undefined, { signal: this.closed });
    } catch (error) {
      const message = `${target.command.name} was not retried: the cluster client closed`;
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
  async recover(target: SlotCommand, first: unknown, fromReplica = false): Promise<unknown> {
    const read = target.read && !this.fallBackToPrimary(fromReplica, first);
    const state: RetryState = { redirections: 0, retries: 0, read };
    let error = first;
    for (;;) {
      const asking = await this.afterFailure(target, error, state);
      let node: ClusterNode | undefined;
      try {
        node = asking ?? this.topology.nodeForSlot(target.slot, state.read);
        return await this.sendTo(node, target, asking !== undefined);
      } catch (next) {
        error = next;
        if (this.fallBackToPrimary(node?.role === 'replica', next)) state.read = false;
      }
    }
  }

  /** Acts on one failure: returns an ASK target, or waits out a transient error, or throws. */
  private async afterFailure(
    target: SlotCommand,
    error: unknown,
    state: RetryState,
  ): Promise<ClusterNode | undefined> {
    if (error instanceof MovedError || error instanceof AskError) {
      if (++state.redirections > this.limits.maxRedirections) {
        const name = target.command.name;
        throw new TooManyRedirectionsError(name, state.redirections - 1, { cause: error });
      }
      if (error instanceof AskError) return clusterNode(error.host, error.port, 'primary');
      this.topology.moved(error.slot, error.host, error.port);
      return undefined;
    }
    if (!isTransientClusterError(error) || ++state.retries >= this.limits.maxRetries) throw error;
    if (!(error instanceof TryAgainError)) await this.topology.refresh().catch(() => undefined);
    await this.pause(target, backoff(state.retries));
    return undefined;
  }
}

interface RetryState {
  redirections: number;
  retries: number;
  /** Whether the command may still go to a replica. */
  read: boolean;
}

const askingBatch = (command: PreparedCommand): CommandBatch => ({
  commands: [ASKING, command],
  transaction: false,
});

/** The command's reply after `ASKING`, shaped; an error (ASKING's or its own) throws. */
function asked(command: PreparedCommand, { replies }: BatchReplies, bigints: boolean): unknown {
  const [asking, reply = null] = replies;
  if (asking instanceof Error) throw asking;
  const value = replyValue(command, reply, bigints);
  if (value instanceof Error) throw value;
  return value;
}

const unreachable = (node: ClusterNode, cause: unknown): NodeUnreachableError =>
  new NodeUnreachableError(node.address, { cause });
