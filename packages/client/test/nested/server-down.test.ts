/**
 * One server of a two-connection root dies: the other's futures resolve, the dead one's
 * reject, callbacks that depend on it do not run, and the root's execute() rejects.
 */
import {
  rawCommand,
  redisUrl,
  startRedisServer,
  targetFromUrl,
  waitUntil,
  type RedisServerHandle,
} from '@redspec/test-utils';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ConnectionError,
  Future,
  createClient,
  pipeline,
  type RedisClient,
} from '../../src/index.js';
import { registerClient, unregisterClient } from '@redspec/pipeline';

let healthy: RedisClient;
beforeAll(async () => {
  healthy = await createClient(redisUrl()).connect();
  registerClient(healthy);
});
afterAll(async () => {
  unregisterClient('*');
  await healthy.quit();
});

describe('one of two servers down', () => {
  let doomed: RedisServerHandle;
  let doomedClient: RedisClient;
  afterEach(async () => {
    unregisterClient('doomed'); // the next test binds the name to a new server's client
    doomedClient.disconnect();
    await doomed.stop();
  });

  async function openDoomed(options: { reconnect?: false } = {}): Promise<void> {
    doomed = await startRedisServer();
    doomedClient = await createClient({ url: doomed.url, ...options }).connect();
    registerClient(doomedClient, 'doomed');
  }

  it('killed mid-flight: unanswered futures reject, answered ones resolve, execute() rejects', async () => {
    await openDoomed();
    const key = `server-down:${Date.now()}`;
    const root = pipeline();
    let kept, keptCallback, lost, blocked, lostCallback;
    {
      using onHealthy = pipeline(root);
      kept = onHealthy.incr(key);
      keptCallback = onHealthy.onExecute(() => kept.result * 10);
    }
    const promised = new Future<string>();
    {
      using onDoomed = pipeline(root, { client: 'doomed' });
      lost = onDoomed.incr(key);
      blocked = onDoomed.blpop('never-filled', 10); // holds the batch until the kill
      lostCallback = onDoomed.onExecute(() => promised.set(`lost=${lost.result}`), {
        settles: [promised],
      });
    }
    // The root's own callback depends on every connection of the root, the dead one included.
    const rootCallback = root.onExecute(() => lost.result + kept.result);
    const execution = root.execute().catch((error: unknown) => error);
    await waitUntil('BLPOP to block on the doomed server', async () => {
      const info = String(await rawCommand(targetFromUrl(doomed.url), ['INFO', 'clients']));
      return /^blocked_clients:1/m.test(info);
    });
    // The healthy server answers while the other still blocks; under load its reply may land
    // after BLPOP started blocking, so wait for the future rather than read it.
    expect(await kept).toBe(1);
    await doomed.kill();
    const error = await execution;
    expect(error).toBeInstanceOf(ConnectionError);
    // INCR was answered before the kill: it keeps its reply, so nobody retries it.
    expect(await lost).toBe(1);
    for (const future of [blocked, lostCallback, promised, rootCallback]) {
      await expect(future).rejects.toBe(error);
    }
    expect((error as Error).message).toMatch(/may or may not have run/);
    expect(kept.result).toBe(1);
    expect(await keptCallback).toBe(10);
    expect(root.results).toEqual([1, 1, error]);
    expect(await healthy.get(key)).toBe('1');
  });

  it('already dead before the root runs: the other connection still answers', async () => {
    await openDoomed({ reconnect: false });
    await doomed.kill();
    await waitUntil('the client to see its server gone', () =>
      doomedClient.ping().then(
        () => false,
        () => true,
      ),
    );
    const root = pipeline();
    const pong = root.ping();
    const dead = pipeline(root, { client: 'doomed' });
    const lost = dead.incr('x');
    dead.close();
    const error = await root.execute().catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(pong.result).toBe('PONG');
    await expect(lost).rejects.toBe(error);
  });
});
