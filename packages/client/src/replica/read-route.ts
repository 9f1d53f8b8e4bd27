import { CommandFlag, type CommandBatch, type PreparedCommand } from '@redspec/types/internal';

/**
 * Whether a replica may serve the command: its spec says READONLY, and it does not block
 * (blocking reads need a dedicated connection, which only the primary's pool has).
 */
export function isReplicaRead(command: PreparedCommand): boolean {
  const spec = command.spec;
  return (
    spec !== undefined &&
    (spec.flags & CommandFlag.READONLY) !== 0 &&
    command.blockingMs === undefined
  );
}

/** A pipeline of reads only; a transaction, or any write among them, stays on the primary. */
export function isReplicaBatch(batch: CommandBatch): boolean {
  return !batch.transaction && batch.commands.length > 0 && batch.commands.every(isReplicaRead);
}
