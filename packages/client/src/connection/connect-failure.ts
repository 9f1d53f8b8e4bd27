import { BusyError, LoadingError, ReplyError } from '@redspec/types/internal';

/**
 * Whether a failed connection attempt is not worth repeating: the server answered the
 * handshake with an error (wrong password, no such database, a user without permission), which
 * the next attempt would get again. A server still loading its data or busy with a script will
 * be ready later, and a socket-level failure (refused, reset, timed out) may pass too.
 */
export function isFatalConnectError(error: Error): boolean {
  return (
    error instanceof ReplyError && !(error instanceof LoadingError || error instanceof BusyError)
  );
}
