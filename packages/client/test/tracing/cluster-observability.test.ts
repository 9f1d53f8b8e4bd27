import {
  rawCommand,
  startRedisCluster,
  waitUntil,
  type RedisClusterHandle,
} from '@redspec/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCluster,
  keySlot,
  traceChannels,
  type CommandTraceContext,
  type ServerInfo,
} from '../../src/index.js';
import { backendOf } from '../cluster/cluster-internals.js';
import { recordTraces } from './trace-recorder.js';

/** Events and tracing channels on a cluster client: what a user sees of its nodes' life. */
describe('cluster events and tracing', () => {
  let handle: RedisClusterHandle;

  beforeAll(async () => {
    handle = await startRedisCluster({ primaries: 3, replicasPerPrimary: 0 });
  });
  afterAll(() => handle?.stop());

  it('ready once, error when a node connection drops (never thrown), end on quit', async () => {
    const cluster = createCluster({ rootNodes: handle.rootNodes });
    const seen: string[] = [];
    const ready: ServerInfo[] = [];
    cluster.on('ready', (server) => {
      seen.push('ready');
      ready.push(server);
    });
    cluster.on('end', (error) => seen.push(`end ${String(error)}`));
    await cluster.set('events:a', '1'); // cold: discovers the slot map
    // No error listener yet: a dropped node connection must not crash the process.
    for (const node of handle.nodes) await rawCommand(node, ['CLIENT', 'KILL', 'TYPE', 'normal']);
    await waitUntil(
      'the cluster to serve again',
      async () => (await cluster.get('events:a').catch(() => null)) === '1',
    );
    const errors: Error[] = [];
    cluster.on('error', (error) => errors.push(error));
    for (const node of handle.nodes) await rawCommand(node, ['CLIENT', 'KILL', 'TYPE', 'normal']);
    await waitUntil('an error event', async () => errors.length > 0);
    await waitUntil(
      'the cluster to serve again',
      async () => (await cluster.get('events:a').catch(() => null)) === '1',
    );
    await cluster.quit();

    expect(seen).toEqual(['ready', 'end undefined']);
    expect(ready[0]).toMatchObject({ product: 'redis', protocol: 3 });
    expect(errors[0]!.name).toMatch(/ConnectionError/);
  });

  it('redspec:command reports the node each part of a split command went to', async () => {
    const cluster = createCluster({ rootNodes: handle.rootNodes });
    await cluster.set('trace:warm', '1');
    const recorder = recordTraces<CommandTraceContext>(traceChannels.command);
    const keys = ['trace:x', 'trace:y', 'trace:z', 'trace:w'];
    await cluster.mset(Object.fromEntries(keys.map((key) => [key, key])));
    recorder.stop();
    const ownerPorts = new Set(
      keys.map((key) => backendOf(cluster).nodeForSlot(keySlot(key), false).port),
    );
    await cluster.quit();

    const msets = recorder.operations.filter((op) => op.context.command === 'MSET');
    expect(new Set(msets.map((op) => op.context.serverPort))).toEqual(ownerPorts);
    expect(msets.every((op) => op.context.serverAddress === '127.0.0.1')).toBe(true);
    expect(msets.every((op) => op.context.result === 'OK')).toBe(true);
  });
});
