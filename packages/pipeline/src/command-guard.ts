import {
  CommandFlag,
  commandTable,
  mapBySpec,
  type CommandSpec,
  type ConnectionStateCommand,
} from '@redspec/types/internal';
import { CommandNotAllowedError } from './errors.js';

const SENT_BY_PIPELINE =
  'in a pipeline: the pipeline sends it; use { transaction: true } or pipe.watch()';
const CHANGES_CONNECTION =
  'in a pipeline: it changes the state of the connection, which others share';

/**
 * Generated commands a pipeline does not offer, and why: MULTI/EXEC framing the pipeline sends
 * itself, and commands that change the connection a pipeline shares with the client's other
 * callers (or hands back to a pool): after them replies no longer come one per command
 * (subscriber or monitor mode, CLIENT REPLY OFF, a replication stream) or in the expected
 * protocol (HELLO), or the connection's database or session changes (SELECT, RESET, QUIT).
 * The pipeline's type leaves out the same (`SharedConnectionCommands`); `satisfies` keeps the
 * two lists one.
 */
const refusals = {
  multi: SENT_BY_PIPELINE,
  exec: SENT_BY_PIPELINE,
  discard: SENT_BY_PIPELINE,
  watch: SENT_BY_PIPELINE,
  unwatch: SENT_BY_PIPELINE,
  subscribe: CHANGES_CONNECTION,
  psubscribe: CHANGES_CONNECTION,
  ssubscribe: CHANGES_CONNECTION,
  unsubscribe: CHANGES_CONNECTION,
  punsubscribe: CHANGES_CONNECTION,
  sunsubscribe: CHANGES_CONNECTION,
  monitor: CHANGES_CONNECTION,
  clientReply: CHANGES_CONNECTION,
  hello: CHANGES_CONNECTION,
  select: CHANGES_CONNECTION,
  reset: CHANGES_CONNECTION,
  quit: CHANGES_CONNECTION,
  sync: CHANGES_CONNECTION,
  psync: CHANGES_CONNECTION,
} as const satisfies Record<ConnectionStateCommand, string>;

/** Generated methods a pipeline does not offer (they stay on the client, or are refused). */
export type ExcludedCommand = ConnectionStateCommand;

const reasons = mapBySpec(refusals);

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
  [...reasons.keys()].filter((spec) => spec !== commandTable.watch),
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
