import {
  createReplyError,
  ExecAbortError,
  prepareRawCommand,
  type RespValue,
} from '@redspec/types/internal';
import { describe, expect, it } from 'vitest';
import { CommandQueue } from './command-queue.js';
import { PipelineError, WatchError } from './errors.js';
import { settleTransaction } from './transaction-replies.js';

function incrThenLpush(): CommandQueue {
  const queue = new CommandQueue();
  queue.push(prepareRawCommand(['INCR', 'a']));
  queue.push(prepareRawCommand(['LPUSH', 'a', 'x']));
  return queue;
}

describe('settleTransaction', () => {
  it("takes the results from EXEC's array, errors of commands that ran in place", () => {
    const queue = incrThenLpush();
    const wrongType = createReplyError(
      'WRONGTYPE Operation against a key holding the wrong kind of value',
    );
    const exec: RespValue = [1, wrongType];
    const outcome = settleTransaction(queue, { replies: ['QUEUED', 'QUEUED'], exec }, []);
    expect(outcome.abort).toBeUndefined();
    expect(outcome.results).toEqual([1, wrongType]);
    expect(outcome.failed).toEqual([1]);
    expect(queue.futures[0]!.result).toBe(1);
    expect(() => queue.futures[1]!.result).toThrow(wrongType);
    expect(wrongType.command).toBe('LPUSH');
  });

  it('turns a nil EXEC into a WatchError for every future', () => {
    const queue = incrThenLpush();
    const outcome = settleTransaction(queue, { replies: ['QUEUED', 'QUEUED'], exec: null }, ['a']);
    expect(outcome.abort).toBeInstanceOf(WatchError);
    expect((outcome.abort as WatchError).keys).toEqual(['a']);
    expect(outcome.results).toEqual([outcome.abort, outcome.abort]);
    expect(() => queue.futures[0]!.result).toThrow(WatchError);
  });

  it('reports the command refused at queue time when EXEC aborts', () => {
    const queue = incrThenLpush();
    const refused = createReplyError("ERR wrong number of arguments for 'lpush' command");
    const execAbort = createReplyError(
      'EXECABORT Transaction discarded because of previous errors.',
    );
    const outcome = settleTransaction(queue, { replies: ['QUEUED', refused], exec: execAbort }, []);
    expect(execAbort).toBeInstanceOf(ExecAbortError);
    expect(outcome.abort).toBeInstanceOf(PipelineError);
    const abort = outcome.abort as PipelineError;
    expect(abort.message).toBe(
      "command #2 (index 1: LPUSH a x) of the transaction failed: ERR wrong number of arguments for 'lpush' command" +
        ': the transaction was aborted (EXECABORT) and none of its commands ran',
    );
    expect(abort.cause).toBe(refused);
    expect(abort.failedIndexes).toEqual([0, 1]);
    expect(outcome.results).toEqual([execAbort, refused]);
    expect(() => queue.futures[0]!.result).toThrow(execAbort);
    expect(() => queue.futures[1]!.result).toThrow(refused);
  });

  it('fails every future with the lost connection when EXEC’s reply never came', () => {
    const queue = incrThenLpush();
    const lost = new Error('connection lost before its reply: it may or may not have run');
    const outcome = settleTransaction(queue, { replies: ['QUEUED', lost], exec: lost }, []);
    expect(outcome.abort).toBe(lost);
    expect(outcome.results).toEqual([lost, lost]);
    expect(() => queue.futures[0]!.result).toThrow(lost);
  });
});
