import {
  getFreePort,
  rawCommand,
  rawCommands,
  startFaultProxy,
  startRedisServer,
  waitUntil,
  type RedisServerHandle,
} from '@redspec/test-utils';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClient, type RedisClient } from '../../src/index.js';

/** How many times `server` ran `command` since the last CONFIG RESETSTAT. */
async function calls(server: RedisServerHandle, command: string): Promise<number> {
  const info = String(await rawCommand(server, ['INFO', 'commandstats']));
  return Number(new RegExp(`^cmdstat_${command}:calls=(\\d+)`, 'm').exec(info)?.[1] ?? 0);
}

/**
 * A real primary and a real replica (`--replicaof`): `readFrom` sends READONLY-flagged commands
 * to the replica, everything else to the primary, as each server's own INFO commandstats tells.
 */
describe('replica reads without a cluster', () => {
  let primary: RedisServerHandle;
  let replica: RedisServerHandle;
  let client: RedisClient | undefined;

  beforeAll(async () => {
    primary = await startRedisServer();
    replica = await startRedisServer({ args: ['--replicaof', primary.host, String(primary.port)] });
    await waitUntil('the replica to sync', async () =>
      /master_link_status:up/.test(String(await rawCommand(replica, ['INFO', 'replication']))),
    );
    // WAIT counts the writes of its own connection: both on one socket.
    await rawCommands(primary, [
      ['SET', 'greeting', 'hello'],
      ['WAIT', '1', '2000'],
    ]);
  });
  afterAll(async () => {
    await Promise.all([primary.stop(), replica.stop()]);
  });
  beforeEach(async () => {
    await Promise.all([primary, replica].map((s) => rawCommand(s, ['CONFIG', 'RESETSTAT'])));
  });
  afterEach(async () => {
    await client?.quit();
    client = undefined;
  });

  it("readFrom 'replica': the first call, cold, reads from the replica; writes go to the primary", async () => {
    client = createClient({ url: primary.url, replicas: [replica.url], readFrom: 'replica' });
    expect(await client.get('greeting')).toBe('hello');
    await Promise.all(Array.from({ length: 20 }, () => client!.get('greeting')));
    await client.set('written', 'here');
    expect(await calls(replica, 'get')).toBe(21);
    expect(await calls(primary, 'get')).toBe(0);
    expect(await calls(primary, 'set')).toBe(1);
    expect(await calls(replica, 'set')).toBe(1); // replicated from the primary, not sent by us
  });

  it('a read-only pipeline goes to the replica; a mixed one and a transaction to the primary', async () => {
    client = createClient({ url: primary.url, replicas: [replica.url], readFrom: 'replica' });
    await client.pipeline((p) => [p.get('greeting'), p.strlen('greeting')]);
    expect(await calls(replica, 'strlen')).toBe(1);
    await client.pipeline((p) => [p.get('greeting'), p.incr('counter')]);
    await client.transaction((p) => [p.get('greeting'), p.strlen('greeting')]);
    expect(await calls(primary, 'get')).toBe(2);
    expect(await calls(primary, 'strlen')).toBe(1);
    expect(await calls(primary, 'exec')).toBe(1);
    expect(await calls(replica, 'get')).toBe(1);
  });

  it("readFrom 'primary' (the default) never touches the replica", async () => {
    client = createClient({ url: primary.url, replicas: [replica.url] });
    await client.get('greeting');
    expect(await calls(primary, 'get')).toBe(1);
    expect(await calls(replica, 'get')).toBe(0);
  });

  it("'prefer-replica' reads from a connected replica, and from the primary when none is up", async () => {
    const downPort = await getFreePort(); // nothing listens there
    client = createClient({
      url: primary.url,
      replicas: [replica.url],
      readFrom: 'prefer-replica',
    });
    await client.connect();
    await waitUntil('the replica connection', async () => {
      await client!.get('greeting');
      return (await calls(replica, 'get')) > 0;
    });
    const lonely = createClient({
      url: primary.url,
      replicas: [{ host: '127.0.0.1', port: downPort }],
      readFrom: 'prefer-replica',
    });
    try {
      expect(await lonely.get('greeting')).toBe('hello');
    } finally {
      await lonely.quit();
    }
  });

  it("readFrom 'replica' without replicas is refused before connecting", () => {
    expect(() => createClient({ url: primary.url, readFrom: 'replica' })).toThrow(/needs replicas/);
  });

  it("'prefer-replica' hands a read to the primary when its replica connection drops under it", async () => {
    const proxy = await startFaultProxy({ host: replica.host, port: replica.port });
    client = createClient({ url: primary.url, replicas: [proxy.url], readFrom: 'prefer-replica' });
    await client.connect();
    await waitUntil('the replica to take reads', async () => {
      await client!.get('greeting');
      return (await calls(replica, 'get')) > 0;
    });
    await rawCommand(primary, ['CONFIG', 'RESETSTAT']);
    proxy.setMode('blackhole'); // the read below reaches no server and gets no reply
    const read = client.get('greeting');
    await waitUntil('the read to be written', async () => proxy.connections > 0);
    await proxy.close(); // the replica connection drops with the read unanswered
    expect(await read).toBe('hello');
    expect(await calls(primary, 'get')).toBe(1);
  });
});
