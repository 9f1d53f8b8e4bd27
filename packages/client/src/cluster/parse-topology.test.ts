import { describe, expect, it } from 'vitest';
import { shardsFromClusterShards, shardsFromClusterSlots } from './parse-topology.js';
import { clusterNode, SlotMap } from './slot-map.js';

describe('shardsFromClusterShards', () => {
  it('reads slot ranges, the primary and the online replicas', () => {
    const shards = shardsFromClusterShards(
      [
        {
          slots: [0, 99, 200, 299],
          nodes: [
            { id: 'p', port: 7000, ip: '10.0.0.1', endpoint: '10.0.0.1', role: 'master' },
            { id: 'r', port: 7001, endpoint: '?', role: 'replica', health: 'online' },
            { id: 'f', port: 7002, endpoint: 'h', role: 'replica', health: 'fail' },
          ],
        },
        { slots: [], nodes: [{ id: 'e', port: 7003, endpoint: 'h', role: 'master' }] },
      ],
      'seed',
      false,
    );
    expect(shards).toEqual([
      {
        primary: clusterNode('10.0.0.1', 7000, 'primary', 'p'),
        replicas: [clusterNode('seed', 7001, 'replica', 'r')],
        ranges: [
          [0, 99],
          [200, 299],
        ],
      },
    ]);
  });
});

describe('shardsFromClusterSlots', () => {
  it('merges the ranges of one primary', () => {
    const shards = shardsFromClusterSlots(
      [
        [0, 99, ['h', 7000, 'p', {}], ['h', 7001, 'r', {}]],
        [100, 199, ['h', 7002, 'q', {}]],
        [200, 299, ['h', 7000, 'p', {}], ['h', 7001, 'r', {}]],
      ],
      'seed',
    );
    expect(shards.map((shard) => [shard.primary.address, shard.ranges])).toEqual([
      [
        'h:7000',
        [
          [0, 99],
          [200, 299],
        ],
      ],
      ['h:7002', [[100, 199]]],
    ]);
    expect(shards[0]!.replicas).toEqual([clusterNode('h', 7001, 'replica', 'r')]);
  });
});

describe('SlotMap', () => {
  it('finds owners and follows MOVED', () => {
    const primary = clusterNode('h', 7000, 'primary');
    const map = new SlotMap([{ primary, replicas: [], ranges: [[0, 10]] }]);
    expect(map.shardOf(10)?.primary).toBe(primary);
    expect(map.shardOf(11)).toBeUndefined();
    map.moveSlot(5, 'h', 7009);
    expect(map.shardOf(5)?.primary.address).toBe('h:7009');
    expect(map.primaries().map((node) => node.port)).toEqual([7000, 7009]);
  });
});
