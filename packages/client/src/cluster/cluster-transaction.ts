import { ExecAbortError, MovedError, type RedisArgument, type RespValue } from '@redspec/types';
import { batchSlot, TRANSACTION } from './batch-slot.js';
import type { ClusterRouting } from './cluster-core.js';

/** Whether a batch is a transaction as the pipeline frames one: `MULTI, …commands, EXEC`. */
export function isTransaction(commands: readonly (readonly RedisArgument[])[]): boolean {
  const first = commands[0]?.[0];
  const last = commands[commands.length - 1]?.[0];
  return (
    commands.length >= 2 &&
    String(first).toUpperCase() === 'MULTI' &&
    String(last).toUpperCase() === 'EXEC'
  );
}

/**
 * Sends `MULTI, …commands, EXEC` in one batch to the primary of the slot all its keys share
 * (any primary when none has a key). Keys in several slots throw `CrossSlotError` before
 * anything is sent. When the slot had moved, every queued command is answered MOVED and EXEC
 * EXECABORT, which guarantees nothing ran: the slot map is patched and the whole transaction
 * sent once more to the new owner. Other outcomes are the pipeline's to interpret.
 */
export async function sendClusterTransaction(
  routing: ClusterRouting,
  commands: readonly (readonly RedisArgument[])[],
  timeoutMs: number | undefined,
  buffers: boolean,
): Promise<RespValue[]> {
  const slot = batchSlot(routing, commands, TRANSACTION);
  const owner = () =>
    slot === undefined ? routing.anyPrimary() : routing.nodeForSlot(slot, false);
  const replies = await routing.sendBatchTo(owner(), commands, timeoutMs, buffers);
  const moved = movedAbort(replies);
  if (moved === undefined) return replies;
  routing.noteMoved(moved.slot, moved.host, moved.port);
  return routing.sendBatchTo(owner(), commands, timeoutMs, buffers);
}

/** The MOVED that aborted a transaction (EXECABORT), if that is what happened. */
function movedAbort(replies: readonly RespValue[]): MovedError | undefined {
  if (!(replies[replies.length - 1] instanceof ExecAbortError)) return undefined;
  return replies.find((reply): reply is MovedError => reply instanceof MovedError);
}
