import type { RedisArgument } from '@redspec/types';

const MAX_ARGS = 4;
const MAX_ARG_LENGTH = 24;

function formatArgument(arg: RedisArgument): string {
  // Only the start of a Buffer is decoded: a multi-megabyte value must not be copied whole.
  const text = Buffer.isBuffer(arg) ? arg.toString('utf8', 0, MAX_ARG_LENGTH + 1) : String(arg);
  return text.length > MAX_ARG_LENGTH ? `${text.slice(0, MAX_ARG_LENGTH)}…` : text;
}

/**
 * A command for error messages: its words, then at most a few arguments, each cut short, so a
 * failing `MSET` of 10 000 keys or a 1 MB value still yields a one-line message.
 *
 * @example
 * formatCommand(['LPUSH', 'queue', 'a', 'b', 'c', 'd', 'e'], 1); // 'LPUSH queue a b c …'
 */
export function formatCommand(args: readonly RedisArgument[], words: number): string {
  const shown = args
    .slice(0, words + MAX_ARGS)
    .map((arg, i) => (i < words ? String(arg) : formatArgument(arg)));
  if (args.length > words + MAX_ARGS) shown.push('…');
  return shown.join(' ');
}

/**
 * The message of a `PipelineError`: which command failed, by position (its index in
 * `results`), and why.
 *
 * @example
 * // 'command #3 (LPUSH c x) of pipeline failed: WRONGTYPE Operation against a key…'
 */
export function formatFailure(
  index: number,
  args: readonly RedisArgument[],
  words: number,
  kind: 'pipeline' | 'transaction',
  error: Error,
): string {
  return `command #${index} (${formatCommand(args, words)}) of ${kind} failed: ${error.message}`;
}
