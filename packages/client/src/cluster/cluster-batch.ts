import {
  AskError,
  ClusterDownError,
  MovedError,
  TryAgainError,
  type RedisArgument,
  type RespValue,
} from '@redspec/types';
import { planBatch, type BatchEntry, type BatchPart, type NodeBatch } from './batch-plan.js';
import type { ClusterRouting } from './cluster-core.js';
import { ClusterRoutingError, NodeUnreachableError } from './cluster-errors.js';
import { combineReplies } from './combine-replies.js';
import { mergeSplitReplies } from './split-by-slot.js';

/**
 * Sends a pipeline's commands over a cluster: one batch per node, all in parallel, replies
 * reassembled in the original order with errors in place. Commands answered MOVED, ASK,
 * TRYAGAIN or CLUSTERDOWN (which the server did not run) are then sent again one by one on
 * their new node, in order per slot, without re-sending the others. A node whose batch failed
 * after it was written (connection lost, timeout) gets that error in place of each of its
 * replies, never a resend; one that could not be reached at all has its commands resent.
 * Throws before sending anything when a command cannot be routed (see `planBatch`).
 */
export async function sendClusterBatch(
  routing: ClusterRouting,
  commands: readonly (readonly RedisArgument[])[],
  timeoutMs: number | undefined,
  buffers: boolean,
): Promise<RespValue[]> {
  const plan = planBatch(routing, commands);
  const replies = plan.parts.map((part) => (part.unrouted ?? null) as RespValue);
  const sends = [...plan.batches.values()].map((batch) =>
    sendNodeBatch(routing, batch, timeoutMs, buffers, replies),
  );
  await Promise.all(sends);
  await resendRedirected(routing, plan.parts, replies, buffers);
  return plan.entries.map((entry) => assemble(entry, replies));
}

async function sendNodeBatch(
  routing: ClusterRouting,
  batch: NodeBatch,
  timeoutMs: number | undefined,
  buffers: boolean,
  replies: RespValue[],
): Promise<void> {
  try {
    const got = await routing.sendBatchTo(batch.node, batch.commands, timeoutMs, buffers);
    batch.parts.forEach((part, i) => (replies[part] = got[i] ?? null));
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    for (const part of batch.parts) replies[part] = failure;
  }
}

/** Resends the parts the cluster did not run; one chain per slot keeps their order. */
async function resendRedirected(
  routing: ClusterRouting,
  parts: readonly BatchPart[],
  replies: RespValue[],
  buffers: boolean,
): Promise<void> {
  const chains = new Map<number, Promise<void>>();
  parts.forEach(({ name, wire, slot: partSlot, read }, index) => {
    const error = replies[index];
    if (partSlot === undefined || !notRun(error)) return;
    // An unknown command went to any node: its MOVED names the slot to send it to.
    const slot = error instanceof MovedError ? error.slot : partSlot;
    const command = { name, wire, slot, read, blocking: false, buffers };
    const resend = (): Promise<void> =>
      routing.resend(command, error).then(
        (reply) => void (replies[index] = reply),
        (failure: unknown) => void (replies[index] = failure as Error),
      );
    chains.set(slot, (chains.get(slot) ?? Promise.resolve()).then(resend));
  });
  await Promise.all(chains.values());
}

/** Answers after which the server surely did not run the command. */
function notRun(reply: RespValue | undefined): reply is Error {
  // One check for the usual case, a value: this runs for every reply of the batch.
  if (!(reply instanceof Error)) return false;
  return (
    reply instanceof MovedError ||
    reply instanceof AskError ||
    reply instanceof TryAgainError ||
    reply instanceof ClusterDownError ||
    reply instanceof NodeUnreachableError ||
    reply instanceof ClusterRoutingError
  );
}

/** One command's reply from its parts': a split's merged, a fan-out's combined by policy. */
function assemble(entry: BatchEntry, replies: readonly RespValue[]): RespValue {
  switch (entry.kind) {
    case 'one':
      return replies[entry.part]!;
    case 'split': {
      const values = entry.parts.map((part) => replies[part]!);
      const failed = values.find((value) => value instanceof Error);
      return failed ?? mergeSplitReplies(entry.spec, entry.groups, values);
    }
    case 'fanout': {
      const settled = entry.parts.map((part): PromiseSettledResult<RespValue> => {
        const value = replies[part]!;
        return value instanceof Error
          ? { status: 'rejected', reason: value }
          : { status: 'fulfilled', value };
      });
      try {
        return combineReplies(entry.spec.responsePolicy, settled);
      } catch (error) {
        return error as Error;
      }
    }
  }
}
