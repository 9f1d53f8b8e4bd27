import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerClient, unregisterClient } from './client-registry.js';
import { PipelineNotExecutedError, PipelineStateError, ResultNotReadyError } from './errors.js';
import { FakeChannel } from '../test/fake-channel.js';
import { Future } from './future.js';
import { pipeline, type Pipeline } from './pipeline.js';
import { openPipeline } from './run-pipeline.js';

let redis: FakeChannel;
beforeEach(() => {
  redis = new FakeChannel();
  registerClient(redis);
});
afterEach(() => unregisterClient('*'));

/** The reference helper: one round trip alone, none of its own under a parent. */
function incrSum(keys: readonly string[], parent?: Pipeline): Future<number> {
  using pipe = pipeline(parent);
  const counts = keys.map((key) => pipe.incr(key));
  return pipe.onExecute(() => counts.reduce((sum, count) => sum + count.result, 0));
}

describe('a nested pipeline', () => {
  it('hands its commands up when it closes; only the root sends, in one batch', async () => {
    const root = pipeline();
    const own = root.incr('a');
    const child = pipeline(root);
    const nested = child.incr('b');
    expect(root.length).toBe(1);
    child.close();
    expect([root.length, child.length]).toEqual([2, 0]);
    expect(redis.batches).toEqual([]);
    await root.execute();
    expect(redis.batches).toEqual([
      [
        ['INCR', 'a'],
        ['INCR', 'b'],
      ],
    ]);
    expect([own.result, nested.result]).toEqual([1, 1]);
    expect(() => child.results).toThrow(ResultNotReadyError);
  });

  it('composes synchronous helpers: alone one round trip each, shared one for all', async () => {
    expect(await incrSum(['a', 'b'])).toBe(2);
    expect(redis.batches).toHaveLength(1);
    let first: Future<number>;
    let second: Future<number>;
    {
      await using root = pipeline();
      first = incrSum(['a', 'b'], root);
      second = incrSum(['c'], root);
    }
    expect([first.result, second.result]).toEqual([4, 1]);
    expect(redis.batches).toHaveLength(2);
  });

  it('settles every future before any callback, and runs nested callbacks before their parent’s', async () => {
    const order: string[] = [];
    const root = pipeline();
    const a = root.incr('a');
    root.onExecute(() => order.push(`root sees a=${a.result}, c=${c.result}`));
    const middle = pipeline(root);
    middle.onExecute(() => order.push('middle'));
    const leaf = pipeline(middle);
    const c = leaf.incr('c');
    leaf.onExecute(() => order.push(`leaf sees a=${a.result}`));
    leaf.close();
    middle.onExecute(() => order.push('middle, added after its child closed'));
    middle.close();
    await root.execute();
    expect(order).toEqual([
      'leaf sees a=1',
      'middle',
      'middle, added after its child closed',
      'root sees a=1, c=1',
    ]);
  });

  it('awaits async callbacks in order before execute() resolves', async () => {
    const root = pipeline();
    const slow = root.onExecute(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return 'slow';
    });
    const afterSlow = root.onExecute(() => `after ${slow.result}`);
    await root.execute();
    expect([slow.result, afterSlow.result]).toEqual(['slow', 'after slow']);
  });

  it('lets callbacks set user futures, and fails those it promised but did not set', async () => {
    const set = new Future<number>();
    const forgotten = new Future<number>();
    const root = pipeline();
    const a = root.incr('a');
    root.onExecute(() => set.set(a.result * 10), { settles: [set, forgotten] });
    await root.execute();
    expect(set.result).toBe(10);
    expect(() => forgotten.result).toThrow(PipelineStateError);
  });

  it('closes once: close() again, `using` after close(), and commands afterwards', () => {
    const root = pipeline();
    {
      using child = pipeline(root);
      child.incr('a');
      child.close();
      expect(() => child.incr('b')).toThrow(/was closed: its commands went to its parent/);
      expect(() => child.onExecute(() => 1)).toThrow(PipelineStateError);
    }
    expect(root.length).toBe(1);
  });

  it('does not execute on its own: execute() on a nested pipeline rejects', async () => {
    const child = pipeline(pipeline());
    await expect(child.execute()).rejects.toThrow(/close\(\) it, then execute the root/);
  });

  it('inherits its parent’s connection, or takes the one it names', async () => {
    const cache = new FakeChannel();
    registerClient(cache, 'cache');
    const root = pipeline();
    {
      using child = pipeline(root);
      using cached = pipeline(child, { client: 'cache' });
      child.incr('a');
      cached.incr('a');
      using inherited = pipeline(cached);
      inherited.incr('b');
    }
    await root.execute();
    expect(redis.batches).toEqual([[['INCR', 'a']]]);
    expect(cache.batches).toEqual([
      [
        ['INCR', 'a'],
        ['INCR', 'b'],
      ],
    ]);
  });

  it('nests under a client.pipeline() root, bound to a client of its own', async () => {
    const other = new FakeChannel();
    const root = openPipeline(other, { autoexec: false });
    {
      using child = pipeline(root);
      child.incr('x');
      using direct = openPipeline(redis, { parent: child });
      direct.incr('y');
    }
    await root.execute();
    expect([other.batches, redis.batches]).toEqual([[[['INCR', 'x']]], [[['INCR', 'y']]]]);
  });

  it('refuses a transaction its root does not have, and a closed parent', () => {
    const root = pipeline(undefined, { autoexec: false });
    expect(() => pipeline(root, { transaction: true })).toThrow(/open the root with/);
    const transactional = pipeline(undefined, { transaction: true });
    expect(() => pipeline(transactional, { transaction: true })).not.toThrow();
    root.close();
    expect(() => pipeline(root)).toThrow(PipelineStateError);
    expect(() => pipeline({} as Pipeline)).toThrow(TypeError);
  });
});

describe('commands that are never sent', () => {
  it('reject with PipelineNotExecutedError when an autoexec: false root closes unexecuted', async () => {
    const user = new Future<number>();
    let own, nested, derived;
    {
      using root = pipeline(undefined, { autoexec: false });
      own = root.incr('a');
      {
        using child = pipeline(root);
        nested = child.incr('b');
        derived = child.onExecute(() => user.set(nested.result), { settles: [user] });
      }
    }
    for (const future of [own, nested, derived, user]) {
      await expect(future).rejects.toThrow(PipelineNotExecutedError);
      await expect(future).rejects.toMatchObject({ unsent: 2, reason: 'root' });
    }
    expect(redis.batches).toEqual([]);
  });

  it('reject when their nested pipeline is still open as the root runs; the rest runs', async () => {
    const root = pipeline();
    const sent = root.incr('a');
    const forgotten = pipeline(root);
    const lost = forgotten.incr('b');
    const callback = forgotten.onExecute(() => 'never');
    await root.execute();
    expect(sent.result).toBe(1);
    await expect(lost).rejects.toMatchObject({ unsent: 1, reason: 'nested' });
    await expect(callback).rejects.toBeInstanceOf(PipelineNotExecutedError);
    expect(() => forgotten.incr('c')).toThrow(/closed without being executed/);
  });

  it('a discarded nested pipeline drops only its own part', async () => {
    const root = pipeline();
    const kept = root.incr('a');
    const child = pipeline(root);
    const dropped = child.incr('b');
    await child.discard(new Error('not needed'));
    await root.execute();
    expect(kept.result).toBe(1);
    await expect(dropped).rejects.toThrow(/discarded.*not needed/);
    expect(redis.batches).toEqual([[['INCR', 'a']]]);
  });

  it('a discarded root drops its nested pipelines, open or closed', async () => {
    const root = pipeline();
    const closed = incrSum(['a'], root);
    const open = pipeline(root).incr('b');
    await root.discard();
    await expect(closed).rejects.toThrow(/discarded/);
    await expect(open).rejects.toThrow(/discarded/);
    expect(redis.batches).toEqual([]);
  });
});
