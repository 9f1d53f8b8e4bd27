import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerClient, unregisterClient } from './client-registry.js';
import { PipelineError } from './errors.js';
import { FakeChannel } from '../test/fake-channel.js';
import { Future } from './future.js';
import { pipeline } from './pipeline.js';

let main: FakeChannel;
let cache: FakeChannel;
beforeEach(() => {
  main = new FakeChannel();
  cache = new FakeChannel();
  registerClient(main);
  registerClient(cache, 'cache');
});
afterEach(() => unregisterClient('*'));

describe('a root holding commands for several connections', () => {
  it('sends one batch per connection, all in flight at once', async () => {
    const root = pipeline();
    const a = root.incr('a');
    const child = pipeline(root, { client: 'cache' });
    const b = child.incr('b');
    child.close();
    const run = root.execute();
    expect([main.inFlight, cache.inFlight]).toEqual([1, 1]);
    expect(await run).toEqual([1, 1]);
    expect([a.result, b.result]).toEqual([1, 1]);
    expect([main.batches.length, cache.batches.length]).toEqual([1, 1]);
  });

  it('wraps each connection’s batch in its own MULTI/EXEC in a transaction', async () => {
    const root = pipeline(undefined, { transaction: true });
    root.incr('a');
    {
      using child = pipeline(root, { client: 'cache' });
      child.incr('b');
      child.incr('b');
    }
    await root.execute();
    expect(main.batches).toEqual([[['MULTI'], ['INCR', 'a'], ['EXEC']]]);
    expect(cache.batches).toEqual([[['MULTI'], ['INCR', 'b'], ['INCR', 'b'], ['EXEC']]]);
  });

  it('when one batch fails: its futures reject, the other keeps its results, dependent callbacks do not run', async () => {
    const lost = new Error('connection lost');
    cache.failure = lost;
    const ran: string[] = [];
    const root = pipeline();
    const a = root.incr('a');
    const onMain = pipeline(root);
    const fromMain = onMain.onExecute(() => ran.push('main') && a.result);
    onMain.close();
    const onCache = pipeline(root, { client: 'cache' });
    const b = onCache.incr('b');
    const promised = new Future<number>();
    const fromCache = onCache.onExecute(() => promised.set(b.result), { settles: [promised] });
    onCache.close();
    const fromRoot = root.onExecute(() => ran.push('root'));
    await expect(root.execute()).rejects.toBe(lost);
    expect(a.result).toBe(1);
    expect(await fromMain).toBe(1);
    for (const future of [b, fromCache, promised, fromRoot])
      await expect(future).rejects.toBe(lost);
    expect(ran).toEqual(['main']);
    expect(root.results).toEqual([1, lost]);
  });

  it('reports a failed command with indexes across every connection', async () => {
    main.data.set('text', 'abc');
    const root = pipeline();
    root.incr('a');
    {
      using child = pipeline(root, { client: 'cache' });
      child.incr('b');
    }
    root.incr('text');
    const error = await root.execute().catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(PipelineError);
    expect(error).toMatchObject({ failedIndexes: [1], command: 'INCR' });
    expect((error as PipelineError).message).toMatch(
      /^command #2 \(index 1: INCR text\) of the pipeline/,
    );
    expect((error as PipelineError).results).toEqual([1, expect.any(Error), 1]);
  });

  it('runs callbacks after a command error (raiseOnError: false); reading it throws', async () => {
    main.data.set('text', 'abc');
    const root = pipeline(undefined, { raiseOnError: false });
    const bad = root.incr('text');
    const good = root.incr('n');
    const safe = root.onExecute(() => (bad.isReady ? bad.result : -1) + good.result);
    const careless = root.onExecute(() => bad.result);
    // A callback's error is the root's too, once no batch or command error is to be reported.
    await expect(root.execute()).rejects.toThrow(/not an integer/);
    expect(safe.result).toBe(0);
    await expect(careless).rejects.toThrow(/not an integer/);
  });
});
