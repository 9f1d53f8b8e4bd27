import { redactArgs, type PreparedCommand, type RedisArgument } from '@redspec/types/internal';

const MAX_ARGS = 4;
const MAX_ARG_LENGTH = 24;

function formatArgument(arg: RedisArgument): string {
  // Only the start of a Buffer is decoded: a multi-megabyte value must not be copied whole.
  const text = Buffer.isBuffer(arg) ? arg.toString('utf8', 0, MAX_ARG_LENGTH + 1) : String(arg);
  return text.length > MAX_ARG_LENGTH ? `${text.slice(0, MAX_ARG_LENGTH)}…` : text;
}

/**
 * A command for error messages: its words, then at most a few arguments, each cut short, and
 * passwords redacted, so a failing `MSET` of 10 000 keys or a 1 MB value still yields a short,
 * loggable line.
 *
 * @example
 * formatCommand(prepareRawCommand(['LPUSH', 'queue', 'a', 'b', 'c', 'd', 'e'])); // 'LPUSH queue a b c …'
 */
export function formatCommand(command: PreparedCommand): string {
  const words = command.spec?.words.length ?? 1;
  const args = redactArgs(command.args);
  const shown = args
    .slice(0, words + MAX_ARGS)
    .map((arg, i) => (i < words ? String(arg) : formatArgument(arg)));
  if (args.length > words + MAX_ARGS) shown.push('…');
  return shown.join(' ');
}

/**
 * The message of a `PipelineError`: which command failed, counted from 1 as people count (its
 * index in `results` too), and why.
 *
 * @example
 * // 'command #3 (index 2: LPUSH c x) of the pipeline failed: WRONGTYPE Operation against a key…'
 */
export function formatFailure(
  index: number,
  command: PreparedCommand,
  kind: 'pipeline' | 'transaction',
  error: Error,
): string {
  const what = `command #${index + 1} (index ${index}: ${formatCommand(command)})`;
  return `${what} of the ${kind} failed: ${error.message}`;
}
