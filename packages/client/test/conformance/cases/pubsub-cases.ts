import { redisUrl } from '@redspec/test-utils';
import { expect } from 'vitest';
import { RawConnection } from '../../helpers/raw-connection.js';
import { conformanceCase, type CaseContext, type ConformanceCase } from '../conformance-case.js';

/** A connection of its own subscribed to a channel, a pattern and a shard channel, so the counts are not all zero. */
const subscribe = async ({ protocol, key, onCleanup }: CaseContext): Promise<void> => {
  const { hostname, port } = new URL(redisUrl());
  const subscriber = await new RawConnection({
    host: hostname,
    port: Number(port),
    protocol,
  }).connect();
  onCleanup(() => subscriber.quit());
  await subscriber.call(['SUBSCRIBE', key('chan')]);
  await subscriber.call(['PSUBSCRIBE', key('pat*')]);
  await subscriber.call(['SSUBSCRIBE', key('shard')]);
};

/** Pub/sub introspection and publishing; subscribing itself needs a connection of its own. */
export const pubsubCases: readonly ConformanceCase[] = [
  conformanceCase('pubsubChannels', {
    setup: subscribe,
    args: ({ key }) => [key('*')],
    check: (reply, { key }) => expect(reply).toEqual([key('chan')]),
  }),
  conformanceCase('pubsubNumsub', {
    args: ({ key }) => [[key('chan'), key('none')]],
    check: (reply, { key }) => expect(reply).toEqual({ [key('chan')]: 1, [key('none')]: 0 }),
  }),
  conformanceCase('pubsubNumpat', {
    volatile: true,
    check: (reply) => expect(reply).toBeGreaterThanOrEqual(1),
  }),
  conformanceCase('pubsubShardchannels', {
    args: ({ key }) => [key('*')],
    check: (reply, { key }) => expect(reply).toEqual([key('shard')]),
  }),
  conformanceCase('pubsubShardnumsub', {
    args: ({ key }) => [key('shard')],
    check: (reply, { key }) => expect(reply).toEqual({ [key('shard')]: 1 }),
  }),
  conformanceCase('pubsubHelp'),
  conformanceCase('publish', {
    args: ({ key }) => [key('chan'), 'hello'],
    check: (reply) => expect(reply).toBe(1),
  }),
  conformanceCase('publish', {
    label: 'pattern',
    args: ({ key }) => [key('pattern'), 'hello'],
    check: (reply) => expect(reply).toBe(1),
  }),
  conformanceCase('spublish', {
    args: ({ key }) => [key('shard'), 'hello'],
    check: (reply) => expect(reply).toBe(1),
  }),
];
