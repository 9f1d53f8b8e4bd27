import { CommandFlag, commandTable, type ConnectionStateCommand } from '@redspec/types/internal';
import { describe, expect, it } from 'vitest';
import { checkImmediate, checkQueueable } from './command-guard.js';
import { CommandNotAllowedError } from './errors.js';

// Every method the pipeline's type leaves out; `satisfies` fails to compile when the generated
// list (specs/overlay/connection-state.json) gains or loses one.
const connectionState = Object.keys({
  multi: 0,
  exec: 0,
  discard: 0,
  watch: 0,
  unwatch: 0,
  subscribe: 0,
  psubscribe: 0,
  ssubscribe: 0,
  unsubscribe: 0,
  punsubscribe: 0,
  sunsubscribe: 0,
  monitor: 0,
  clientReply: 0,
  hello: 0,
  select: 0,
  reset: 0,
  quit: 0,
  sync: 0,
  psync: 0,
} satisfies Record<ConnectionStateCommand, 0>) as ConnectionStateCommand[];

describe('checkQueueable', () => {
  it('lets ordinary commands through, in and out of transactions', () => {
    expect(() => checkQueueable(commandTable.incr, true)).not.toThrow();
    expect(() => checkQueueable(commandTable.blpop, true)).not.toThrow();
  });

  it('refuses every NO_MULTI command inside a transaction only', () => {
    const noMulti = Object.values(commandTable).filter(
      (spec) => (spec.flags & CommandFlag.NO_MULTI) !== 0,
    );
    expect(noMulti.map((spec) => spec.name)).toContain('SAVE');
    const refusedAnywhere = new Set(connectionState.map((method) => commandTable[method]));
    for (const spec of noMulti) {
      expect(() => checkQueueable(spec, true)).toThrow(CommandNotAllowedError);
      if (!refusedAnywhere.has(spec)) expect(() => checkQueueable(spec, false)).not.toThrow();
    }
  });

  it('refuses the commands the pipeline manages or cannot frame, in any pipeline', () => {
    for (const method of connectionState) {
      expect(() => checkQueueable(commandTable[method], false)).toThrow(CommandNotAllowedError);
    }
    expect(() => checkQueueable(commandTable.psync, false)).toThrow(
      'PSYNC cannot be queued in a pipeline: it changes the state of the connection, which others share',
    );
    expect(() => checkQueueable(commandTable.ssubscribe, false)).toThrow(
      'SSUBSCRIBE cannot be queued in a pipeline: it changes the state of the connection, which others share',
    );
  });
});

describe('checkImmediate', () => {
  it('allows reads and further WATCHes on the watched connection, not MULTI/EXEC/UNWATCH', () => {
    expect(() => checkImmediate(commandTable.get)).not.toThrow();
    expect(() => checkImmediate(commandTable.watch)).not.toThrow();
    for (const method of ['multi', 'exec', 'discard', 'unwatch', 'subscribe'] as const) {
      expect(() => checkImmediate(commandTable[method])).toThrow(CommandNotAllowedError);
    }
  });
});
