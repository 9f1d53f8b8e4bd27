import { AbortError } from '../errors.js';

/**
 * `work`, unless `signal` fires first: then `onAbort` runs (closing what the work holds) and
 * the result rejects with `AbortError`, naming `command`; `work`'s own outcome is then dropped.
 * For backends that cannot withdraw a command themselves (the ioredis adapter): the command
 * was handed over, so `written` is reported as true.
 */
export function untilAborted<T>(
  work: Promise<T>,
  signal: AbortSignal | undefined,
  command: string,
  onAbort: () => void = () => undefined,
): Promise<T> {
  if (signal === undefined) return work;
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => {
      onAbort();
      reject(new AbortError(command, signal.reason, true));
    };
    signal.addEventListener('abort', abort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(error as Error);
      },
    );
  });
}
