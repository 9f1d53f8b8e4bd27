import type { Future } from '@redspec/pipeline';
import { describe, expectTypeOf, it } from 'vitest';
import type { RedisClient } from '../client/redis-client.js';
import { createClient } from '../client/redis-client.js';
import type { ClientConfig } from '../client/client-config.js';
import type { ReadFrom } from '../cluster/cluster-config.js';
import type { FailoverEvent } from './failover-event.js';
import { createSentinel } from './sentinel-client.js';
import type { SentinelConfig } from './sentinel-config.js';

const sentinels = [{ host: '127.0.0.1', port: 26379 }];

describe('createSentinel', () => {
  it('returns the client’s typed surface: commands, pipelines, transactions', () => {
    const client = createSentinel({ sentinels, name: 'mymaster' });
    expectTypeOf(client).toEqualTypeOf<RedisClient>();
    expectTypeOf(client.get('k')).toEqualTypeOf<Promise<string | null>>();
    expectTypeOf(client.pipeline().incr('k')).toEqualTypeOf<Future<number>>();
    expectTypeOf(client.transaction((p) => [p.incr('k')])).toEqualTypeOf<Promise<[number]>>();
  });

  it('takes sentinel and data-node settings apart', () => {
    expectTypeOf<SentinelConfig['role']>().toEqualTypeOf<'primary' | 'replica' | undefined>();
    expectTypeOf<SentinelConfig['readFrom']>().toEqualTypeOf<ReadFrom | undefined>();
    createSentinel({
      sentinels,
      name: 'mymaster',
      role: 'primary',
      readFrom: 'prefer-replica',
      sentinelUsername: 'watcher',
      sentinelPassword: 'p',
      sentinelTimeout: 500,
      password: 'data-node-password',
      db: 2,
      commandTimeout: 5000,
    });
    // @ts-expect-error the name the sentinels monitor is required
    createSentinel({ sentinels });
    // @ts-expect-error Sentinel says where the primary is: no host
    createSentinel({ sentinels, name: 'mymaster', host: '10.0.0.1' });
    // @ts-expect-error no such role
    createSentinel({ sentinels, name: 'mymaster', role: 'master' });
    // @ts-expect-error a sentinel is { host, port }
    createSentinel({ sentinels: ['127.0.0.1:26379'], name: 'mymaster' });
  });

  it('reports failovers with the addresses', () => {
    const client = createSentinel({ sentinels, name: 'mymaster' });
    client.on('failover', (event) => {
      expectTypeOf(event).toEqualTypeOf<FailoverEvent>();
      expectTypeOf(event.to.port).toEqualTypeOf<number>();
    });
  });
});

describe('readFrom on a standalone client', () => {
  it('takes replicas as URLs or addresses, and the cluster’s ReadFrom', () => {
    expectTypeOf<ClientConfig['readFrom']>().toEqualTypeOf<ReadFrom | undefined>();
    createClient({
      url: 'redis://10.0.0.1:6379',
      replicas: ['redis://10.0.0.2:6379', { host: '10.0.0.3', port: 6379 }],
      readFrom: 'replica',
    });
    // @ts-expect-error readFrom is 'primary' | 'replica' | 'prefer-replica'
    createClient({ replicas: [], readFrom: 'replicas' });
    // @ts-expect-error a replica is a URL or { host, port }
    createClient({ replicas: [6380], readFrom: 'replica' });
  });
});
