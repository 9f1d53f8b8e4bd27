import { CommandFlag, commandTable } from '@redspec/types/internal';
import { describe, expect, it } from 'vitest';
import { checkImmediate, checkQueueable } from './command-guard.js';
import { CommandNotAllowedError } from './errors.js';

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
    for (const spec of noMulti) {
      expect(() => checkQueueable(spec, true)).toThrow(CommandNotAllowedError);
      expect(() => checkQueueable(spec, false)).not.toThrow();
    }
  });

  it('refuses the commands the pipeline manages or cannot frame, in any pipeline', () => {
    for (const method of [
      'multi',
      'exec',
      'discard',
      'watch',
      'unwatch',
      'subscribe',
      'monitor',
      'select',
      'clientReply',
    ] as const) {
      expect(() => checkQueueable(commandTable[method], false)).toThrow(CommandNotAllowedError);
    }
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
