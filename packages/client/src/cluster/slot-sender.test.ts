import {
  createReplyError,
  prepareRawCommand,
  type CommandBatch,
  type PreparedCommand,
  type RedisArgument,
  type RespValue,
} from '@redspec/types/internal';
import { describe, expect, it, vi } from 'vitest';
import { ConnectionError } from '../errors.js';
import { TooManyRedirectionsError } from './cluster-errors.js';
import type { ClusterTopology } from './cluster-topology.js';
import type { NodePool } from './node-pool.js';
import { clusterNode } from './slot-map.js';
import { SlotSender, type SlotCommand } from './slot-sender.js';

type Answer = RespValue | Error;

/** A pool whose every node answers from `answers` in turn, recording what was sent where. */
function fakeCluster(answers: Answer[], wasReady = true) {
  const sent: { port: number; wire: readonly (readonly RedisArgument[])[] }[] = [];
  const next = (): Promise<RespValue> => {
    const answer = answers.shift() ?? 'OK';
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  };
  const pool = {
    get: (node: { port: number }) => ({
      wasReady,
      connection: {
        send: (command: PreparedCommand) => (
          sent.push({ port: node.port, wire: [command.args] }),
          next()
        ),
        sendBatch: (batch: CommandBatch) => {
          sent.push({ port: node.port, wire: batch.commands.map((command) => command.args) });
          return next().then((reply) => ({ replies: ['OK', reply] }));
        },
      },
    }),
  } as unknown as NodePool;
  const topology = {
    readFrom: 'primary',
    nodeForSlot: () => clusterNode('h', 7000, 'primary'),
    moved: vi.fn(),
    refresh: vi.fn(() => Promise.resolve()),
  } as unknown as ClusterTopology;
  const limits = { maxRedirections: 3, maxRetries: 3 };
  const sender = new SlotSender(topology, pool, limits, new AbortController().signal);
  return { sender, sent, topology };
}

const command: SlotCommand = {
  command: prepareRawCommand(['INCR', 'k']),
  slot: 42,
  read: false,
  mode: { buffers: false, bigints: false },
};

describe('SlotSender', () => {
  it('follows MOVED, patching the slot map', async () => {
    const { sender, sent, topology } = fakeCluster([createReplyError('MOVED 42 h:7001'), 5]);
    expect(await sender.send(command)).toBe(5);
    expect(topology.moved).toHaveBeenCalledWith(42, 'h', 7001);
    expect(sent).toHaveLength(2);
  });

  it('sends ASKING with the command in one batch on the ASK target', async () => {
    const { sender, sent } = fakeCluster([createReplyError('ASK 42 h:7002'), 6]);
    expect(await sender.send(command)).toBe(6);
    expect(sent[1]).toEqual({ port: 7002, wire: [['ASKING'], ['INCR', 'k']] });
  });

  it('gives up after maxRedirections', async () => {
    const moved = Array.from({ length: 10 }, () => createReplyError('MOVED 42 h:7001'));
    const { sender, sent } = fakeCluster(moved);
    await expect(sender.send(command)).rejects.toBeInstanceOf(TooManyRedirectionsError);
    expect(sent).toHaveLength(4);
  });

  it('retries TRYAGAIN with backoff, up to maxRetries tries', async () => {
    const tryAgain = () => createReplyError('TRYAGAIN Multiple keys request during rehashing');
    const { sender, sent, topology } = fakeCluster([tryAgain(), tryAgain(), tryAgain()]);
    await expect(sender.send(command)).rejects.toMatchObject({ name: 'TryAgainError' });
    expect(sent).toHaveLength(3);
    expect(topology.refresh).not.toHaveBeenCalled();
  });

  it('never resends a command whose connection dropped after it was written', async () => {
    const { sender, sent } = fakeCluster([new ConnectionError('lost before its reply'), 1]);
    await expect(sender.send(command)).rejects.toThrow('lost before its reply');
    expect(sent).toHaveLength(1);
  });

  it('resends a command whose node could not be reached, after a refresh', async () => {
    const refused = new ConnectionError('connect ECONNREFUSED');
    const { sender, sent, topology } = fakeCluster([refused, 7], false);
    expect(await sender.send(command)).toBe(7);
    expect(topology.refresh).toHaveBeenCalledOnce();
    expect(sent).toHaveLength(2);
  });
});
