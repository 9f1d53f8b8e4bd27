import { setTimeout as delay } from 'node:timers/promises';

/** Options for `waitUntil`. */
export interface WaitUntilOptions {
  timeoutMs?: number;
  intervalMs?: number;
  signal?: AbortSignal;
}

/**
 * Polls `check` until it returns `true`. A string (or a thrown error) means "not yet"
 * and is kept as the reason shown when the wait times out.
 *
 * @example
 * await waitUntil('the key to expire', async () => (await rawCommand(server, ['EXISTS', 'k'])) === 0);
 */
export async function waitUntil(
  description: string,
  check: () => Promise<boolean | string>,
  { timeoutMs = 10_000, intervalMs = 50, signal }: WaitUntilOptions = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let reason: unknown;
  for (;;) {
    signal?.throwIfAborted();
    try {
      const result = await check();
      if (result === true) return;
      reason = result;
    } catch (error) {
      reason = error;
    }
    if (Date.now() >= deadline) {
      const detail = reason instanceof Error ? reason.message : String(reason);
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}: ${detail}`, {
        cause: reason,
      });
    }
    // An abort during the pause rejects here; the check at the loop's top rethrows its reason.
    await delay(intervalMs, undefined, { signal }).catch(() => undefined);
  }
}
