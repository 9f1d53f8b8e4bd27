import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  getFreePort,
  rawCommand,
  rawCommands,
  startSentinelGroup,
  type SentinelGroupHandle,
} from '@redspec/test-utils';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CommandTimeoutError, createSentinel, type RedisClient } from '../../src/index.js';

/**
 * One primary, one replica and three real sentinels (`redis-server --sentinel`): the client
 * finds the primary through them on its first call, cold, with default options.
 */
describe('createSentinel: discovery', () => {
  let group: SentinelGroupHandle;
  let client: RedisClient | undefined;
  beforeAll(async () => {
    group = await startSentinelGroup();
  });
  afterAll(() => group.stop());
  afterEach(async () => {
    await client?.quit();
    client = undefined;
  });

  it('the first call, cold, with default options, runs on the primary', async () => {
    client = createSentinel({ sentinels: group.sentinelAddresses, name: group.name });
    expect(await client.set('discovered', 'yes')).toBe('OK');
    expect(await rawCommand(group.primary, ['GET', 'discovered'])).toBe('yes');
    expect(client.server?.version).toMatch(/^\d+\./);
  });

  it('pipelines and transactions run on the primary', async () => {
    client = createSentinel({ sentinels: group.sentinelAddresses, name: group.name });
    const [a, b] = await client.pipeline((p) => [p.set('p:a', '1'), p.incr('p:a')]);
    expect([a, b]).toEqual(['OK', 2]);
    const [n] = await client.transaction((p) => [p.incr('p:a')]);
    expect(n).toBe(3);
    expect(await rawCommand(group.primary, ['GET', 'p:a'])).toBe('3');
  });

  it('skips sentinels that are unreachable, and learns the others from the one that answers', async () => {
    const nobody = { host: '127.0.0.1', port: await getFreePort() };
    client = createSentinel({ sentinels: [nobody, group.sentinelAddresses[0]!], name: group.name });
    expect(await client.incr('skipped')).toBe(1);
  });

  it("role: 'replica' connects to a replica, where reads work and writes are refused", async () => {
    // WAIT counts the writes of its own connection: both on one socket.
    await rawCommands(group.primary, [
      ['SET', 'replicated', 'v'],
      ['WAIT', '1', '2000'],
    ]);
    client = createSentinel({
      sentinels: group.sentinelAddresses,
      name: group.name,
      role: 'replica',
    });
    expect(await client.get('replicated')).toBe('v');
    await expect(client.set('replicated', 'w')).rejects.toThrow(/READONLY/);
    expect((await client.role())[0]).toBe('slave');
  });

  it("readFrom: 'replica' sends reads to the replica Sentinel lists, writes to the primary", async () => {
    const replica = group.replicas[0]!;
    client = createSentinel({
      sentinels: group.sentinelAddresses,
      name: group.name,
      readFrom: 'replica',
    });
    await rawCommands(group.primary, [
      ['SET', 'routed', 'v'],
      ['WAIT', '1', '2000'],
    ]);
    await rawCommand(replica, ['CONFIG', 'RESETSTAT']);
    const reads = await Promise.all(Array.from({ length: 10 }, () => client!.get('routed')));
    expect(reads).toEqual(Array(10).fill('v'));
    await client.set('routed:written', 'w');
    expect(await rawCommand(group.primary, ['GET', 'routed:written'])).toBe('w');
    const info = String(await rawCommand(replica, ['INFO', 'commandstats']));
    expect(/^cmdstat_get:calls=(\d+)/m.exec(info)?.[1]).toBe('10');
  });

  it('a name no sentinel monitors fails within the command timeout, naming each sentinel', async () => {
    client = createSentinel({
      sentinels: group.sentinelAddresses,
      name: 'nosuchprimary',
      commandTimeout: 1500,
    });
    const started = performance.now();
    const error = (await client.get('k').catch((e: unknown) => e)) as Error;
    expect(performance.now() - started).toBeLessThan(5000);
    expect(error).toBeInstanceOf(CommandTimeoutError);
    expect(error.message).toMatch(
      /not connected to the primary of 'nosuchprimary' \(via Sentinel\)/,
    );
    expect(error.message).toMatch(/No sentinel gave the primary/);
    for (const { port } of group.sentinels) {
      expect(error.message).toContain(`127.0.0.1:${port}: it does not monitor 'nosuchprimary'`);
    }
  });

  it('a process exits on its own after quit(), the watcher and replica connections included', async () => {
    const fixture = fileURLToPath(new URL('./fixtures/sentinel-then-exit.ts', import.meta.url));
    const root = fileURLToPath(new URL('../../../../', import.meta.url));
    const ports = group.sentinels.map((sentinel) => String(sentinel.port));
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, group.name, ...ports], {
      cwd: root,
      // Map @redspec/* to their sources, as vitest does, instead of a possibly stale dist.
      env: { ...process.env, TSX_TSCONFIG_PATH: `${root}tsconfig.typetests.json` },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | string>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve('still running after 10 s: a handle stayed open');
      }, 10_000);
      child.on('exit', (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode ?? -1);
      });
    });
    expect({ code, output }).toEqual({ code: 0, output: 'OK\nv\nOK\n' });
  });

  // Last: these take sentinels out of the group.
  it('a stalled first sentinel (SIGSTOP) costs one sentinelTimeout, then the next answers', async () => {
    const stalled = group.sentinels[0]!;
    stalled.pause();
    try {
      client = createSentinel({
        sentinels: group.sentinelAddresses,
        name: group.name,
        sentinelTimeout: 500,
      });
      const started = performance.now();
      expect(await client.incr('stalled')).toBe(1);
      expect(performance.now() - started).toBeLessThan(3000);
    } finally {
      stalled.resume();
    }
  });

  it('one sentinel down (killed): discovery still works, cold, with default options', async () => {
    await group.sentinels[0]!.kill();
    client = createSentinel({ sentinels: group.sentinelAddresses, name: group.name });
    expect(await client.set('one-down', 'ok')).toBe('OK');
    expect(await rawCommand(group.primary, ['GET', 'one-down'])).toBe('ok');
  });
});
