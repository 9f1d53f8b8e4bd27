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
  connect,
  createClient,
  disconnect,
  disconnectAll,
  pipeline,
  type RedisClient,
} from '../../src/index.js';

let healthy: RedisClient;
beforeAll(async () => {
  healthy = await createClient(redisUrl()).connect();
  connect(healthy);
});
afterAll(async () => {
  disconnectAll();
  await healthy.quit();
});

describe('one of two servers down', () => {
  let doomed: RedisServerHandle;
  let doomedClient: RedisClient;
  afterEach(async () => {
    disconnect('doomed'); // the next test binds the name to a new server's client
    doomedClient.disconnect();
    await doomed.stop();
  });

  async function openDoomed(options: { reconnect?: false } = {}): Promise<void> {
    doomed = await startRedisServer();
    doomedClient = await createClient({ url: doomed.url, ...options }).connect();
    connect(doomedClient, 'doomed');
  }

  it('killed mid-flight: its futures reject, the other’s resolve, execute() rejects', async () => {
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
      using onDoomed = pipeline(root, { connection: 'doomed' });
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
    expect(kept.result).toBe(1); // the healthy server answered while the other still blocked
    await doomed.kill();
    const error = await execution;
    expect(error).toBeInstanceOf(ConnectionError);
    for (const future of [lost, blocked, lostCallback, promised, rootCallback]) {
      await expect(future).rejects.toBe(error);
    }
    expect(kept.result).toBe(1);
    expect(await keptCallback).toBe(10);
    expect(root.results).toEqual([1, error, error]);
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
    const dead = pipeline(root, { connection: 'doomed' });
    const lost = dead.incr('x');
    dead.close();
    const error = await root.execute().catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(pong.result).toBe('PONG');
    await expect(lost).rejects.toBe(error);
  });
});
