import { ReplyError } from './errors.js';
import type { PreparedCommand } from './prepared-command.js';
import { redactArgs } from './redact-args.js';
import { normalizeReply } from './reply-normalizer.js';
import type { RespValue } from './resp-values.js';

/**
 * Names an error reply after the command that caused it (`CLIENT KILL`, never just `CLIENT`),
 * with its arguments, passwords redacted. The one place that does, for single commands,
 * pipelines and transactions alike.
 */
export function nameReplyError<TError>(error: TError, command: PreparedCommand): TError {
  if (error instanceof ReplyError && error.command === undefined) {
    error.command = command.name;
    error.args = redactArgs(command.args);
  }
  return error;
}

/**
 * A command's reply as its method's declared type promises: normalized by its plan, or, for an
 * error (a server's error reply, or why the reply never came), that error, named. `bigints`
 * says the reply came from a bigint mode (`withBigInts()`).
 */
export function replyValue(command: PreparedCommand, reply: RespValue, bigints = false): unknown {
  if (reply instanceof Error) return nameReplyError(reply, command);
  return command.plan === 0 ? reply : normalizeReply(reply, command.plan, bigints);
}

/** `replyValue`, throwing the error: what a single command's Promise settles with. */
export function settleReply(command: PreparedCommand, reply: RespValue, bigints = false): unknown {
  const value = replyValue(command, reply, bigints);
  if (value instanceof Error) throw value;
  return value;
}
