import {
  commandTable,
  encodeCommand,
  PlainCommand,
  prepareCommand,
  type CommandMethod,
} from '@redspec/types/internal';
import { describe, expect, it } from 'vitest';
import { ClusterRoutingError, CrossSlotError } from './cluster-errors.js';
import { routeCommand, routePrepared, type CommandRoute } from './command-route.js';
import { keySlot } from './key-slot.js';

const route = (method: CommandMethod, ...params: unknown[]): CommandRoute =>
  routeCommand(commandTable[method], encodeCommand(commandTable[method], params));

describe('routeCommand', () => {
  it('routes keyed commands by their slot, hashtags included', () => {
    expect(route('get', 'k')).toEqual({ kind: 'slot', slot: keySlot('k') });
    expect(route('rename', '{u}:a', '{u}:b')).toEqual({ kind: 'slot', slot: keySlot('u') });
    expect(route('eval', 'return 1', ['{t}1', '{t}2'])).toEqual({
      kind: 'slot',
      slot: keySlot('t'),
    });
  });

  it('routes shard channels like keys', () => {
    expect(route('spublish', 'news', 'hi')).toEqual({ kind: 'slot', slot: keySlot('news') });
  });

  it('sends PUBLISH to its channel’s slot, so one channel’s messages take one path', () => {
    expect(route('publish', 'news', 'hi')).toEqual({ kind: 'slot', slot: keySlot('news') });
  });

  it('asks every node for PUBSUB introspection, whose replies are node-local', () => {
    const everyNode = { kind: 'fanout', nodes: 'all' };
    expect(route('pubsubNumsub', ['a', 'b'])).toEqual(everyNode);
    expect(route('pubsubShardnumsub', ['a', 'b'])).toEqual(everyNode);
    expect(route('pubsubChannels', 'a*')).toEqual(everyNode);
    expect(route('pubsubShardchannels')).toEqual(everyNode);
    expect(route('pubsubNumpat')).toEqual(everyNode);
  });

  it('splits multi_shard commands per slot, keys in order within each part', () => {
    const result = route('mset', { a: '1', b: '2', '{a}x': '3' });
    expect(result).toEqual({
      kind: 'split',
      groups: [
        { slot: keySlot('a'), wire: ['MSET', 'a', '1', '{a}x', '3'], keyIndexes: [0, 2] },
        { slot: keySlot('b'), wire: ['MSET', 'b', '2'], keyIndexes: [1] },
      ],
    });
  });

  it('refuses other commands whose keys span slots, naming the slots', () => {
    expect(() => route('rename', 'a', 'b')).toThrow(CrossSlotError);
    let thrown: unknown;
    try {
      route('sunionstore', 'dst', ['a', 'b']);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({
      command: 'SUNIONSTORE',
      slots: [keySlot('dst'), keySlot('a'), keySlot('b')],
    });
  });

  it('routes keyless commands by request policy', () => {
    expect(route('dbsize')).toEqual({ kind: 'fanout', nodes: 'primaries' });
    expect(route('configSet', { a: '1' })).toEqual({ kind: 'fanout', nodes: 'all' });
    expect(route('info')).toEqual({ kind: 'any' });
    expect(route('clusterInfo')).toEqual({ kind: 'any' });
    expect(route('eval', 'return 1')).toEqual({ kind: 'any' });
  });

  it('refuses commands that would change a shared connection or need a chosen node', () => {
    expect(() => route('scan', '0')).toThrow(ClusterRoutingError);
    expect(() => route('readonly')).toThrow(/readFrom/);
    expect(() => route('asking')).toThrow(ClusterRoutingError);
  });
});

describe('routePrepared', () => {
  it('routes every plain call from its parameters as routeCommand routes its wire words', () => {
    const plain = Object.values(commandTable).filter(
      (spec) => spec.plain === true && spec.params <= 3,
    );
    expect(plain.length).toBeGreaterThan(100);
    for (const spec of plain) {
      const params = spec.args.flatMap((arg) => {
        if (arg.param === undefined) return [];
        if (arg.kind === 'integer' || arg.kind === 'unix-time') return [7];
        return [arg.kind === 'double' ? 1.5 : `{tag${arg.param}}:${spec.name}`];
      });
      const command = prepareCommand(spec, params, undefined);
      expect(command, spec.name).toBeInstanceOf(PlainCommand);
      const expected = catchRoute(() => routeCommand(spec, encodeCommand(spec, params)));
      expect(
        catchRoute(() => routePrepared(spec, command)),
        spec.name,
      ).toEqual(expected);
    }
  });
});

function catchRoute(route: () => CommandRoute): CommandRoute | Error {
  try {
    return route();
  } catch (error) {
    return error as Error;
  }
}
