import { ReplyError, type RespValue } from '@redspec/types';
import { describe, expect, it } from 'vitest';
import { combineReplies } from './combine-replies.js';

const ok = (value: RespValue): PromiseSettledResult<RespValue> => ({ status: 'fulfilled', value });
const failed = (message: string): PromiseSettledResult<RespValue> => ({
  status: 'rejected',
  reason: new ReplyError(message),
});

describe('combineReplies', () => {
  it('aggregates numbers', () => {
    expect(combineReplies('agg_sum', [ok(2), ok(3)])).toBe(5);
    expect(combineReplies('agg_min', [ok(2), ok(1), ok(3)])).toBe(1);
  });

  it('aggregates bigints exactly (a bigint mode)', () => {
    const big = 2n ** 62n;
    expect(combineReplies('agg_sum', [ok(big), ok(big), ok(1n)])).toBe(2n ** 63n + 1n);
    expect(combineReplies('agg_max', [ok(1n), ok(big)])).toBe(big);
    expect(combineReplies('agg_logical_or', [ok([1n, 0n]), ok([0n, 0n])])).toEqual([1n, 0n]);
  });

  it('ANDs element-wise, keeping integers', () => {
    expect(combineReplies('agg_logical_and', [ok([1, 1, 0]), ok([1, 0, 0])])).toEqual([1, 0, 0]);
    expect(combineReplies('agg_logical_and', [ok(true), ok(false)])).toBe(false);
  });

  it('all_succeeded: the first reply, or the first error', () => {
    expect(combineReplies('all_succeeded', [ok('OK'), ok('OK')])).toBe('OK');
    expect(() => combineReplies('all_succeeded', [ok('OK'), failed('ERR no')])).toThrow('ERR no');
  });

  it('one_succeeded: any success wins, else the first error', () => {
    expect(combineReplies('one_succeeded', [failed('NOTBUSY'), ok('OK')])).toBe('OK');
    expect(() =>
      combineReplies('one_succeeded', [failed('NOTBUSY a'), failed('NOTBUSY b')]),
    ).toThrow('NOTBUSY a');
  });

  it('without a policy, concatenates arrays and merges maps', () => {
    expect(combineReplies(undefined, [ok(['a']), ok(['b', 'c'])])).toEqual(['a', 'b', 'c']);
    expect(combineReplies(undefined, [ok({ a: 1 }), ok({ b: 2 })])).toEqual({ a: 1, b: 2 });
    expect(combineReplies(undefined, [ok('x'), ok('y')])).toEqual(['x', 'y']);
  });

  it('x-union: every node’s channels once, Buffers compared by bytes', () => {
    expect(combineReplies('x-union', [ok(['a', 'b']), ok(['b', 'c']), ok([])])).toEqual([
      'a',
      'b',
      'c',
    ]);
    const [a, b] = [Buffer.from([0xff]), Buffer.from([0xff])];
    expect(combineReplies('x-union', [ok([a]), ok([b])])).toEqual([a]);
  });

  it('x-sum-per-channel: PUBSUB NUMSUB counts summed channel by channel', () => {
    const replies = [ok(['a', 1, 'b', 0]), ok(['a', 2, 'b', 5]), ok(['a', 0, 'b', 0])];
    expect(combineReplies('x-sum-per-channel', replies)).toEqual(['a', 3, 'b', 5]);
    expect(combineReplies('x-sum-per-channel', [ok([]), ok([])])).toEqual([]);
  });
});
