import { describe, expect, it } from 'vitest';
import { encodeCommand } from './command-encoder.js';
import { UnsupportedCommandError } from './errors.js';
import { commandTable } from './generated/command-table.js';
import {
  PlainCommand,
  prepareCommand,
  preparePlainCommand,
  reshapeCommand,
} from './prepared-command.js';

const redis7 = { product: 'redis', version: '7.0.15', protocol: 3 } as const;

describe('prepareCommand', () => {
  it('keeps a plain call’s parameters and builds the same args as the encoder, once', () => {
    const command = prepareCommand(commandTable.set, ['k', 'v'], redis7);
    expect(command).toBeInstanceOf(PlainCommand);
    expect((command as PlainCommand).params).toEqual(['k', 'v']);
    expect(command.args).toEqual(encodeCommand(commandTable.set, ['k', 'v']));
    expect(command.args).toBe(command.args);
    expect(command).toMatchObject({ name: 'SET', spec: commandTable.set, verify: undefined });
  });

  it('encodes a call with options at once, and keeps no parameters', () => {
    const command = prepareCommand(commandTable.set, ['k', 'v', { get: true }], redis7);
    expect(command.args).toEqual(['SET', 'k', 'v', 'GET']);
    expect(command).not.toBeInstanceOf(PlainCommand);
  });

  it('checks a plain call against its server, now or once the server is known', () => {
    const old = { ...redis7, version: '6.0.0' };
    expect(() => prepareCommand(commandTable.getdel, ['k'], old)).toThrow(UnsupportedCommandError);
    const early = prepareCommand(commandTable.getdel, ['k'], undefined);
    expect(() => early.verify!(old)).toThrow(UnsupportedCommandError);
    expect(() => early.verify!(redis7)).not.toThrow();
  });

  it('works out how long a plain blocking call may block', () => {
    const command = prepareCommand(commandTable.brpoplpush, ['a', 'b', 2], redis7);
    expect(command).toBeInstanceOf(PlainCommand);
    expect(command.blockingMs).toBe(2000);
  });
});

describe('preparePlainCommand', () => {
  it('prepares parameters passed one by one as prepareCommand prepares them in an array', () => {
    const calls: [keyof typeof commandTable, unknown[]][] = [
      ['get', ['k']],
      ['set', [Buffer.from('k'), 42]],
      ['setrange', ['k', 3, 'abc']],
      ['expire', ['k', 1.5]],
      ['incrby', ['k', '10']],
    ];
    for (const [method, params] of calls) {
      const spec = commandTable[method];
      const [a, b, c] = params;
      const one = () => preparePlainCommand(spec, a, b, c, redis7);
      const array = () => prepareCommand(spec, params, redis7);
      const refusal = catchError(array);
      if (refusal !== undefined) {
        expect(catchError(one), method).toEqual(refusal);
        continue;
      }
      expect(one().args, method).toEqual(array().args);
      expect(one().constructor, method).toBe(array().constructor);
    }
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('reshapeCommand', () => {
  it('copies a plain call as a plain object whose args are the given ones', () => {
    const command = prepareCommand(commandTable.get, ['k'], redis7);
    const part = reshapeCommand(command, { args: ['GET', 'other'], plan: 0 });
    expect(part).toEqual({
      ...fields(command),
      args: ['GET', 'other'],
      plan: 0,
      signal: undefined,
    });
    expect(part).not.toBeInstanceOf(PlainCommand);
  });

  it('adds a signal and keeps everything else', () => {
    const signal = new AbortController().signal;
    const command = prepareCommand(commandTable.incr, ['n'], redis7);
    expect(reshapeCommand(command, { signal })).toEqual({ ...fields(command), signal });
  });
});

function fields(command: ReturnType<typeof prepareCommand>) {
  const { name, args, spec, plan, blockingMs, verify } = command;
  return { name, args, spec, plan, blockingMs, verify };
}
