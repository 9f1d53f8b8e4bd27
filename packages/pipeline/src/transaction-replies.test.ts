import { commandTable, createReplyError, ExecAbortError, type RespValue } from '@redspec/types';
import { describe, expect, it } from 'vitest';
import { CommandQueue } from './command-queue.js';
import { PipelineError, WatchError } from './errors.js';
import { settleTransaction } from './transaction-replies.js';

function twoIncrs(): CommandQueue {
  const queue = new CommandQueue();
  queue.push(commandTable.incr, ['INCR', 'a'], 0);
  queue.push(commandTable.lpush, ['LPUSH', 'a', 'x'], 0);
  return queue;
}

describe('settleTransaction', () => {
  it("takes the results from EXEC's array, errors of commands that ran in place", () => {
    const queue = twoIncrs();
    const wrongType = createReplyError(
      'WRONGTYPE Operation against a key holding the wrong kind of value',
    );
    const replies: RespValue[] = ['OK', 'QUEUED', 'QUEUED', [1, wrongType]];
    const outcome = settleTransaction(queue, replies, []);
    expect(outcome.abort).toBeUndefined();
    expect(outcome.results).toEqual([1, wrongType]);
    expect(outcome.failed).toEqual([1]);
    expect(queue.futures[0]!.result).toBe(1);
    expect(() => queue.futures[1]!.result).toThrow(wrongType);
  });

  it('turns a nil EXEC into a WatchError for every future', () => {
    const queue = twoIncrs();
    const outcome = settleTransaction(queue, ['OK', 'QUEUED', 'QUEUED', null], ['a']);
    expect(outcome.abort).toBeInstanceOf(WatchError);
    expect((outcome.abort as WatchError).keys).toEqual(['a']);
    expect(outcome.results).toEqual([outcome.abort, outcome.abort]);
    expect(() => queue.futures[0]!.result).toThrow(WatchError);
  });

  it('reports the command refused at queue time when EXEC aborts', () => {
    const queue = twoIncrs();
    const refused = createReplyError("ERR wrong number of arguments for 'lpush' command");
    const execAbort = createReplyError(
      'EXECABORT Transaction discarded because of previous errors.',
    );
    const outcome = settleTransaction(queue, ['OK', 'QUEUED', refused, execAbort], []);
    expect(execAbort).toBeInstanceOf(ExecAbortError);
    expect(outcome.abort).toBeInstanceOf(PipelineError);
    const abort = outcome.abort as PipelineError;
    expect(abort.message).toBe(
      "command #1 (LPUSH a x) of transaction failed: ERR wrong number of arguments for 'lpush' command" +
        ': the transaction was aborted (EXECABORT) and none of its commands ran',
    );
    expect(abort.cause).toBe(refused);
    expect(abort.failedIndexes).toEqual([0, 1]);
    expect(outcome.results).toEqual([execAbort, refused]);
    expect(() => queue.futures[0]!.result).toThrow(execAbort);
    expect(() => queue.futures[1]!.result).toThrow(refused);
  });
});
