import { CommandFlag, commandTable, type CommandSpec } from '@redspec/types/internal';
import { CommandNotAllowedError } from './errors.js';

/** Commands the pipeline sends itself; queuing them by hand would break its MULTI/EXEC framing. */
const transactionCommands = ['multi', 'exec', 'discard', 'watch', 'unwatch'] as const;

/**
 * Commands that change the connection they run on, which a pipeline shares with the client's
 * other callers (or hands back to a pool): after them replies no longer come one per command
 * (subscriber or monitor mode, CLIENT REPLY OFF) or in the expected protocol (HELLO), or the
 * connection's database or session changes (SELECT, RESET, QUIT). The client refuses the same.
 */
const connectionStateCommands = [
  'subscribe',
  'psubscribe',
  'ssubscribe',
  'unsubscribe',
  'punsubscribe',
  'sunsubscribe',
  'monitor',
  'clientReply',
  'hello',
  'select',
  'reset',
  'quit',
] as const;

/** Generated methods a pipeline does not offer (they stay on the client). */
export type ExcludedCommand =
  (typeof transactionCommands)[number] | (typeof connectionStateCommands)[number];

const SENT_BY_PIPELINE =
  'in a pipeline: the pipeline sends it; use { transaction: true } or pipe.watch()';
const CHANGES_CONNECTION =
  'in a pipeline: it changes the state of the connection, which others share';

const reasons = new Map<CommandSpec, string>([
  ...transactionCommands.map((method) => [commandTable[method], SENT_BY_PIPELINE] as const),
  ...connectionStateCommands.map((method) => [commandTable[method], CHANGES_CONNECTION] as const),
]);

/**
 * Throws `CommandNotAllowedError` for a command that cannot be queued: an excluded one, or a
 * `NO_MULTI` one (SAVE, SHUTDOWN…) inside a transaction, where the server would abort it.
 */
export function checkQueueable(spec: CommandSpec, transaction: boolean): void {
  const reason = reasons.get(spec);
  if (reason !== undefined) throw new CommandNotAllowedError(spec.name, reason);
  if (transaction && (spec.flags & CommandFlag.NO_MULTI) !== 0) {
    throw new CommandNotAllowedError(
      spec.name,
      'inside a transaction (the server refuses it in MULTI); run it outside',
    );
  }
}

/** Immediate commands run on the watched connection; these would end or abuse its WATCH. */
const immediateRefused = new Set<CommandSpec>(
  [...transactionCommands.filter((method) => method !== 'watch'), ...connectionStateCommands].map(
    (method) => commandTable[method],
  ),
);

/** Throws for commands that `pipe.immediate` cannot run on the watched connection. */
export function checkImmediate(spec: CommandSpec): void {
  if (immediateRefused.has(spec)) {
    throw new CommandNotAllowedError(
      spec.name,
      'on the watched connection: the pipeline manages it',
    );
  }
}
