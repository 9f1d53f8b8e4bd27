import { describe, expectTypeOf, it } from 'vitest';
import {
  createClient,
  createCluster,
  type CacheStats,
  type ClientSideCacheOptions,
} from '../index.js';

describe('clientSideCache', () => {
  it('is an option of createClient and createCluster', () => {
    createClient({ clientSideCache: { maxEntries: 100 } });
    createClient({
      clientSideCache: {
        maxEntries: 100,
        maxBytes: 1 << 20,
        ttlMs: 1000,
        mode: 'bcast',
        prefixes: ['user:'],
      },
    });
    createCluster({ rootNodes: [{ host: 'h', port: 1 }], clientSideCache: { maxEntries: 1 } });
    // @ts-expect-error maxEntries is required
    createClient({ clientSideCache: { maxBytes: 10 } });
    // @ts-expect-error mode is 'default' or 'bcast'
    createClient({ clientSideCache: { maxEntries: 1, mode: 'optin' } });
    // @ts-expect-error unknown option
    createClient({ clientSideCache: { maxEntries: 1, size: 10 } });
    expectTypeOf<ClientSideCacheOptions['prefixes']>().toEqualTypeOf<
      readonly string[] | undefined
    >();
  });

  it('reports its counters through cacheStats()', () => {
    const client = createClient();
    expectTypeOf(client.cacheStats()).toEqualTypeOf<CacheStats | undefined>();
    expectTypeOf(client.withBuffers().cacheStats()).toEqualTypeOf<CacheStats | undefined>();
    expectTypeOf<CacheStats>().toEqualTypeOf<{
      readonly hits: number;
      readonly misses: number;
      readonly evictions: number;
      readonly invalidations: number;
      readonly flushes: number;
      readonly entries: number;
      readonly bytes: number;
    }>();
  });
});
