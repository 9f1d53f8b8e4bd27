import { AskError, ClusterDownError, MovedError, TryAgainError } from '@redspec/types/internal';
import { ClusterRoutingError, NodeUnreachableError } from './cluster-errors.js';

/**
 * Answers that say "not now": the server did not run the command, and the same command may
 * succeed after a pause (TRYAGAIN, CLUSTERDOWN), elsewhere (no node for the slot, node
 * unreachable).
 */
export function isTransientClusterError(error: unknown): boolean {
  return (
    error instanceof TryAgainError ||
    error instanceof ClusterDownError ||
    error instanceof NodeUnreachableError ||
    error instanceof ClusterRoutingError
  );
}

/** Answers after which the server surely did not run the command: redirections, or "not now". */
export function wasNotRun(reply: unknown): reply is Error {
  // One check for the usual case, a value: this runs for every reply of a batch.
  if (!(reply instanceof Error)) return false;
  return reply instanceof MovedError || reply instanceof AskError || isTransientClusterError(reply);
}
