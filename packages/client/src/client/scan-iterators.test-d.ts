import type { Pipeline } from '@redspec/pipeline';
import type { ScanIterator } from '@redspec/types';
import { describe, expectTypeOf, it } from 'vitest';
import type { RedisCluster } from '../cluster/cluster-client.js';
import type { RedisClient } from './redis-client.js';

declare const client: RedisClient;
declare const cluster: RedisCluster;
declare const signal: AbortSignal;

describe('scan iterators', () => {
  it('yield keys, [field, value] pairs, members and [member, score] pairs', () => {
    expectTypeOf(client.scanIterator()).toEqualTypeOf<ScanIterator<string>>();
    expectTypeOf(client.hscanIterator('h')).toEqualTypeOf<ScanIterator<[string, string]>>();
    expectTypeOf(client.sscanIterator('s')).toEqualTypeOf<ScanIterator<string>>();
    expectTypeOf(client.zscanIterator('z')).toEqualTypeOf<ScanIterator<[string, number]>>();
  });

  it('narrow the items as the options narrow the command', () => {
    expectTypeOf(client.hscanIterator('h', { novalues: true })).toEqualTypeOf<
      ScanIterator<string>
    >();
    expectTypeOf(client.zscanIterator('z', { noscores: true })).toEqualTypeOf<
      ScanIterator<string>
    >();
    const unknownOptions = { noscores: Math.random() > 0.5 };
    expectTypeOf(client.zscanIterator('z', unknownOptions)).toEqualTypeOf<
      ScanIterator<[string, number] | string>
    >();
  });

  it("take the command's options plus a signal", () => {
    client.scanIterator({ match: 'user:*', count: 100, type: 'hash', signal });
    client.sscanIterator('s', { match: 'a*', signal });
    // @ts-expect-error SCAN has no novalues
    client.scanIterator({ novalues: true });
    // @ts-expect-error the cursor is the iterator's business
    client.hscanIterator('h', '0');
    // @ts-expect-error count is a number
    client.scanIterator({ count: '10' });
    // @ts-expect-error signal is an AbortSignal
    client.scanIterator({ signal: true });
  });

  it('offer the pages as batches()', () => {
    expectTypeOf(client.zscanIterator('z').batches()).toEqualTypeOf<
      AsyncIterable<[string, number][]>
    >();
  });

  it('yield Buffers in binary mode, scores still numbers', () => {
    const binary = client.withBuffers();
    expectTypeOf(binary.scanIterator()).toEqualTypeOf<ScanIterator<Buffer>>();
    expectTypeOf(binary.hscanIterator('h')).toEqualTypeOf<ScanIterator<[Buffer, Buffer]>>();
    expectTypeOf(binary.zscanIterator('z')).toEqualTypeOf<ScanIterator<[Buffer, number]>>();
  });

  it('exist on the cluster, and on withSignal views', () => {
    expectTypeOf(cluster.scanIterator({ count: 1000 })).toEqualTypeOf<ScanIterator<string>>();
    expectTypeOf(cluster.withBuffers().sscanIterator('s')).toEqualTypeOf<ScanIterator<Buffer>>();
    expectTypeOf(client.withSignal(signal)).toEqualTypeOf<RedisClient>();
    expectTypeOf(client.withBuffers().withSignal(signal)).toEqualTypeOf<RedisClient<Buffer>>();
    expectTypeOf(cluster.withSignal(signal)).toEqualTypeOf<RedisCluster>();
  });

  it('do not exist on pipelines, which cannot follow a cursor', () => {
    expectTypeOf<Pipeline>().not.toHaveProperty('scanIterator');
    expectTypeOf<Pipeline<Buffer>>().not.toHaveProperty('zscanIterator');
    // @ts-expect-error a pipeline has the command, not the iterator
    client.pipeline().hscanIterator('h');
    expectTypeOf(client.pipeline()).toHaveProperty('hscan');
  });
});
