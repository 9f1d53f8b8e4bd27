import {
  commandTable,
  createReplyError,
  prepareCommand,
  prepareRawCommand,
  ReplyError,
  WrongTypeError,
  type RespValue,
} from '@redspec/types/internal';
import { describe, expect, it } from 'vitest';
import { CommandQueue } from './command-queue.js';
import { PipelineError } from './errors.js';

function queueOf(
  ...entries: [method: keyof typeof commandTable, args: (string | number)[]][]
): CommandQueue {
  const queue = new CommandQueue();
  for (const [method, args] of entries)
    queue.push(prepareCommand(commandTable[method], args, undefined));
  return queue;
}

describe('CommandQueue.settle', () => {
  it('settles each future from the reply at its position and returns the replies as results', () => {
    const queue = queueOf(['set', ['a', '1']], ['incr', ['a']], ['get', ['a']]);
    const replies: RespValue[] = ['OK', 2, '2'];
    expect(queue.settle(replies)).toEqual([]);
    expect(queue.futures.map((future) => future.result)).toEqual(['OK', 2, '2']);
    expect(replies).toEqual(['OK', 2, '2']);
  });

  it('fails only the future whose reply is an error, names the command on it, and reports its index', () => {
    const queue = queueOf(['set', ['a', '1']], ['lpush', ['a', 'x']], ['incr', ['a']]);
    const wrongType = createReplyError(
      'WRONGTYPE Operation against a key holding the wrong kind of value',
    );
    const failed = queue.settle(['OK', wrongType, 2]);
    expect(failed).toEqual([1]);
    expect(queue.futures[0]!.result).toBe('OK');
    expect(() => queue.futures[1]!.result).toThrow(WrongTypeError);
    expect(queue.futures[2]!.result).toBe(2);
    expect(wrongType.command).toBe('LPUSH');
    expect(wrongType.args).toEqual(['LPUSH', 'a', 'x']);
  });

  it('normalizes each reply by its own plan', () => {
    const queue = new CommandQueue();
    queue.push(prepareCommand(commandTable.hgetall, ['h'], undefined));
    queue.push(prepareRawCommand(['GET', 'k']));
    const replies: RespValue[] = [['f', 'v'], null]; // RESP2 sends a map as a flat array
    queue.settle(replies);
    expect(queue.futures[0]!.result).toEqual({ f: 'v' });
    expect(replies[0]).toEqual({ f: 'v' });
  });
});

describe('CommandQueue.failAll and failure', () => {
  it('fails every future and returns the errors in place', () => {
    const queue = queueOf(['incr', ['a']], ['incr', ['b']]);
    const error = new Error('connection lost');
    expect(queue.failAll(error)).toEqual([error, error]);
    expect(() => queue.futures[1]!.result).toThrow(error);
  });

  it('builds a PipelineError naming the first failed command', () => {
    const queue = queueOf(['set', ['a', '1']], ['lpush', ['c', 'x']], ['lpush', ['d', 'y']]);
    const first = new ReplyError('WRONGTYPE first');
    const results = ['OK', first, new ReplyError('WRONGTYPE second')];
    const error = queue.failure(results, [1, 2], 'pipeline');
    expect(error).toBeInstanceOf(PipelineError);
    expect(error.message).toBe(
      'command #2 (index 1: LPUSH c x) of the pipeline failed: WRONGTYPE first',
    );
    expect(error.results).toBe(results);
    expect(error.failedIndexes).toEqual([1, 2]);
    expect(error.command).toBe('LPUSH');
    expect(error.cause).toBe(first);
  });
});
