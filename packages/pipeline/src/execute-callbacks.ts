import type { CommandChannel } from '@redspec/types/internal';
import { PipelineStateError } from './errors.js';
import type { Future } from './future.js';

/** One `onExecute` callback, the future of its return value and the futures it promised to set. */
export interface ExecuteCallback {
  readonly callback: () => unknown;
  readonly future: Future<unknown>;
  readonly settles: readonly Future<unknown>[];
  /**
   * The channels of its pipeline's commands (nested pipelines' included), fixed when that
   * pipeline closes: if one of their batches fails as a whole, the callback does not run.
   */
  channels: readonly CommandChannel[];
}

const unsettled = (): PipelineStateError =>
  new PipelineStateError('An onExecute callback returned without settling a future it `settles`');

/** Rejects the callback's future, and the futures it would have set, with `error`. */
export function failCallback(entry: ExecuteCallback, error: unknown): void {
  entry.future.fail(error);
  for (const future of entry.settles) if (!future.isDone) future.fail(error);
}

/** Rejects every callback with `error`: their pipeline was discarded or never sent. */
export function failCallbacks(entries: readonly ExecuteCallback[], error: unknown): void {
  for (const entry of entries) failCallback(entry, error);
}

/**
 * Runs the callbacks one after the other, in order (nested pipelines' before their parent's),
 * awaiting the async ones, so a callback can read what earlier ones set. A callback whose
 * connections include a failed batch does not run; one that throws does not stop the others.
 * Resolves with the first error a callback threw, if any.
 */
export async function runCallbacks(
  entries: readonly ExecuteCallback[],
  failedBatches: ReadonlyMap<CommandChannel, unknown>,
): Promise<{ readonly error: unknown } | undefined> {
  let first: { readonly error: unknown } | undefined;
  for (const entry of entries) {
    const failed = entry.channels.find((channel) => failedBatches.has(channel));
    if (failed !== undefined) {
      failCallback(entry, failedBatches.get(failed));
      continue;
    }
    try {
      const value = entry.callback();
      // Awaiting only thenables keeps a run of synchronous callbacks free of microtask hops.
      entry.future.set(isThenable(value) ? await value : value);
      for (const future of entry.settles) if (!future.isDone) future.fail(unsettled());
    } catch (error) {
      failCallback(entry, error);
      first ??= { error };
    }
  }
  return first;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
