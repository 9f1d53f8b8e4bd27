import {
  MovedError,
  type BatchReplies,
  type CommandBatch,
  type RespValue,
} from '@redspec/types/internal';
import type { ReplyMode } from '../backend/command-backend.js';
import { planBatch, type BatchEntry, type BatchPart, type NodeBatch } from './batch-plan.js';
import type { ClusterRouting } from './cluster-backend.js';
import { wasNotRun } from './cluster-replies.js';
import { combineReplies } from './combine-replies.js';
import { mergeSplitReplies } from './split-by-slot.js';

/**
 * Sends a pipeline's commands over a cluster: one batch per node, all in parallel, replies
 * reassembled in the original order with errors in place. Commands answered MOVED, ASK,
 * TRYAGAIN or CLUSTERDOWN (which the server did not run) are then sent again one by one on
 * their new node, in order per slot, without re-sending the others. A node whose batch failed
 * after it was written (connection lost, timeout) keeps the replies that came and gets that
 * error in place of the others, never a resend; one that could not be reached at all has its
 * commands resent. Throws before sending anything when a command cannot be routed.
 */
export async function sendClusterBatch(
  routing: ClusterRouting,
  batch: CommandBatch,
  mode: ReplyMode,
): Promise<BatchReplies> {
  const plan = planBatch(routing, batch.commands);
  const replies = plan.parts.map((part) => (part.unrouted ?? null) as RespValue);
  let interrupted: Error | undefined;
  const sends = [...plan.batches.values()].map(async (nodeBatch) => {
    const lost = await sendNodeBatch(routing, nodeBatch, batch.timeoutMs, mode, replies);
    interrupted ??= lost;
  });
  await Promise.all(sends);
  await resendNotRun(routing, plan.parts, replies, mode);
  return { replies: plan.entries.map((entry) => assemble(entry, replies)), interrupted };
}

/** Sends one node's part; returns the error that cut it short, if one did. */
async function sendNodeBatch(
  routing: ClusterRouting,
  nodeBatch: NodeBatch,
  timeoutMs: number | undefined,
  mode: ReplyMode,
  replies: RespValue[],
): Promise<Error | undefined> {
  try {
    const batch = { commands: nodeBatch.commands, transaction: false, timeoutMs };
    const got = await routing.sendBatchTo(nodeBatch.node, batch, mode);
    nodeBatch.parts.forEach((part, i) => (replies[part] = got.replies[i] ?? null));
    return got.interrupted;
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    for (const part of nodeBatch.parts) replies[part] = failure;
    return wasNotRun(failure) ? undefined : failure;
  }
}

/** Resends the parts the cluster did not run; one chain per slot keeps their order. */
async function resendNotRun(
  routing: ClusterRouting,
  parts: readonly BatchPart[],
  replies: RespValue[],
  mode: ReplyMode,
): Promise<void> {
  const chains = new Map<number, Promise<void>>();
  parts.forEach(({ command, slot: partSlot, read }, index) => {
    const error = replies[index];
    if (partSlot === undefined || !wasNotRun(error)) return;
    // An unknown command went to any node: its MOVED names the slot to send it to.
    const slot = error instanceof MovedError ? error.slot : partSlot;
    const resend = (): Promise<void> =>
      routing.resend({ command, slot, read, mode }, error).then(
        (reply) => void (replies[index] = reply as RespValue),
        (failure: unknown) => void (replies[index] = failure as Error),
      );
    chains.set(slot, (chains.get(slot) ?? Promise.resolve()).then(resend));
  });
  await Promise.all(chains.values());
}

/** One command's reply from its parts': a split's merged, a fan-out's combined by policy. */
function assemble(entry: BatchEntry, replies: readonly RespValue[]): RespValue {
  if (typeof entry === 'number') return replies[entry]!;
  switch (entry.kind) {
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
