import { commandTable, prepareRawCommand } from '@redspec/types/internal';
import { describe, expect, it } from 'vitest';
import { SharedConnectionError } from '../errors.js';
import { sharedConnectionRefusal } from './shared-connection-guard.js';

describe('the shared connection guard', () => {
  it('refuses what would change the shared connection, with what to use instead', () => {
    expect(sharedConnectionRefusal(commandTable.multi)?.message).toMatch(/client\.pipeline/);
    expect(sharedConnectionRefusal(commandTable.sync)).toBeInstanceOf(SharedConnectionError);
    expect(sharedConnectionRefusal(commandTable.clientReply)?.command).toBe('CLIENT REPLY');
    expect(sharedConnectionRefusal(commandTable.get)).toBeUndefined();
  });

  it('applies to raw commands, whatever their case', () => {
    for (const raw of [
      ['multi'],
      ['Select', 1],
      ['CLIENT', 'reply', 'OFF'],
      ['MONITOR'],
      ['QUIT'],
    ]) {
      expect(sharedConnectionRefusal(prepareRawCommand(raw).spec), raw.join(' ')).toBeInstanceOf(
        SharedConnectionError,
      );
    }
    expect(sharedConnectionRefusal(prepareRawCommand(['JSON.GET', 'k']).spec)).toBeUndefined();
  });
});
