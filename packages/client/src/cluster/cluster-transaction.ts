import {
  ExecAbortError,
  MovedError,
  type BatchReplies,
  type CommandBatch,
} from '@redspec/types/internal';
import type { ReplyMode } from '../backend/command-backend.js';
import { batchSlot, TRANSACTION } from './batch-slot.js';
import type { ClusterRouting } from './cluster-backend.js';

/**
 * Sends a transaction in one batch to the primary of the slot all its keys share (any primary
 * when none has a key). Keys in several slots throw `CrossSlotError` before anything is sent.
 * When the slot had moved, every queued command is answered MOVED and EXEC EXECABORT, which
 * guarantees nothing ran: the slot map is patched and the whole transaction sent once more to
 * the new owner. Other outcomes are the pipeline's to interpret.
 */
export async function sendClusterTransaction(
  routing: ClusterRouting,
  batch: CommandBatch,
  mode: ReplyMode,
): Promise<BatchReplies> {
  const slot = batchSlot(batch.commands, TRANSACTION);
  const owner = () =>
    slot === undefined ? routing.anyPrimary() : routing.nodeForSlot(slot, false);
  const replies = await routing.sendBatchTo(owner(), batch, mode);
  const moved = movedAbort(replies);
  if (moved === undefined) return replies;
  routing.noteMoved(moved.slot, moved.host, moved.port);
  return routing.sendBatchTo(owner(), batch, mode);
}

/** The MOVED that aborted a transaction (EXECABORT), if that is what happened. */
function movedAbort({ replies, exec }: BatchReplies): MovedError | undefined {
  if (!(exec instanceof ExecAbortError)) return undefined;
  return replies.find((reply): reply is MovedError => reply instanceof MovedError);
}
