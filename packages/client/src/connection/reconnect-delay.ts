import type { ReconnectOptions } from './connection-options.js';

/**
 * Exponential backoff with jitter: attempt 1 waits about `baseDelayMs`, each further attempt
 * doubles it up to `maxDelayMs`. The delay is drawn from its upper half so that many clients
 * dropped by one server restart do not all reconnect in the same millisecond.
 * @internal
 */
export function reconnectDelay(attempt: number, options: Required<ReconnectOptions>): number {
  const ceiling = Math.min(
    options.maxDelayMs,
    options.baseDelayMs * 2 ** Math.min(attempt - 1, 30),
  );
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}
