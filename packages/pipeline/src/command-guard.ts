import { CommandFlag, commandTable, type CommandSpec } from '@redspec/types';
import { CommandNotAllowedError } from './errors.js';

/** Commands the pipeline sends itself; queuing them by hand would break its MULTI/EXEC framing. */
const transactionCommands = ['multi', 'exec', 'discard', 'watch', 'unwatch'] as const;

/**
 * Commands after which replies no longer come back one per command (subscriber or monitor
 * mode, CLIENT REPLY OFF) or in the protocol the connection expects (HELLO), or that end the
 * connection's session (RESET, QUIT). A batch of N commands waits for exactly N replies.
 */
const connectionModeCommands = [
  'subscribe',
  'psubscribe',
  'ssubscribe',
  'unsubscribe',
  'punsubscribe',
  'sunsubscribe',
  'monitor',
  'clientReply',
  'hello',
  'reset',
  'quit',
] as const;

/** Generated methods a pipeline does not offer (they stay on the client). */
export type ExcludedCommand = (typeof transactionCommands)[number] | (typeof connectionModeCommands)[number];

const reasons = new Map<CommandSpec, string>([
  ...transactionCommands.map(
    (method) =>
      [commandTable[method], 'in a pipeline: the pipeline sends it; use { transaction: true } or pipe.watch()'] as const,
  ),
  ...connectionModeCommands.map(
    (method) =>
      [commandTable[method], 'in a pipeline: it changes how the connection replies; call it on the client'] as const,
  ),
]);

/**
 * Throws `CommandNotAllowedError` for a command that cannot be queued: an excluded one, or a
 * `NO_MULTI` one (SAVE, SHUTDOWN…) inside a transaction, where the server would abort it.
 */
export function checkQueueable(spec: CommandSpec, transaction: boolean): void {
  const reason = reasons.get(spec);
  if (reason !== undefined) throw new CommandNotAllowedError(spec.name, reason);
  if (transaction && (spec.flags & CommandFlag.NO_MULTI) !== 0) {
    throw new CommandNotAllowedError(spec.name, 'inside a transaction (the server refuses it in MULTI); run it outside');
  }
}

/** Immediate commands run on the watched connection; these would end or abuse its WATCH. */
const immediateRefused = new Set<CommandSpec>(
  [...transactionCommands.filter((method) => method !== 'watch'), ...connectionModeCommands].map(
    (method) => commandTable[method],
  ),
);

/** Throws for commands that `pipe.immediate` cannot run on the watched connection. */
export function checkImmediate(spec: CommandSpec): void {
  if (immediateRefused.has(spec)) {
    throw new CommandNotAllowedError(spec.name, 'on the watched connection: the pipeline manages it');
  }
}
