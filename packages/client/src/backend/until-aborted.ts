import { AbortError } from '../errors.js';
import { onAbort } from './on-abort.js';

/**
 * `work`, unless `signal` fires first: then `closeWork` runs (closing what the work holds) and
 * the result rejects with `AbortError`, naming `command`; `work`'s own outcome is then dropped.
 * For backends that cannot withdraw a command themselves (the ioredis adapter): the command
 * was handed over, so `written` is reported as true.
 */
export function untilAborted<T>(
  work: Promise<T>,
  signal: AbortSignal | undefined,
  command: string,
  closeWork: () => void = () => undefined,
): Promise<T> {
  if (signal === undefined) return work;
  return new Promise<T>((resolve, reject) => {
    const forget = onAbort(signal, () => {
      closeWork();
      reject(new AbortError(command, signal.reason, true));
    });
    work.then(
      (value) => {
        forget();
        resolve(value);
      },
      (error: unknown) => {
        forget();
        reject(error as Error);
      },
    );
  });
}
