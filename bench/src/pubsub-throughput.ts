/**
 * `pnpm --filter @redspec/bench run pubsub-throughput`: messages per second from one publisher to
 * one subscriber, for Redspec, ioredis and node-redis in the same run, on a redis-server of its
 * own. Each library publishes with one client and receives with another (its own subscriber
 * connection), in this process. Messages are ~100 bytes, published in awaited chunks of 500 so
 * the subscriber's output buffer on the server stays bounded; the time runs from the first
 * PUBLISH to the last message received. Rounds interleave the libraries; medians are reported
 * with the ratio of Redspec to each, and the CPU this process spent per message (publishing and
 * receiving), which a busy machine disturbs less than the wall clock. Build first (`pnpm build`).
 */
import { createClient as createRedspec } from '@redspec/client';
import { startRedisServer } from '@redspec/test-utils';
import { Redis } from 'ioredis';
import { createClient as createNodeRedis } from 'redis';
import { spread } from './stats.js';

const MESSAGES = Number(process.env.PUBSUB_MESSAGES ?? 200_000);
const ROUNDS = Number(process.env.PUBSUB_ROUNDS ?? 3);
const CHUNK = 500;
const PAYLOAD = 'x'.repeat(100);

/** One library's publisher and subscriber: subscribe with `onMessage`, publish, close. */
interface PubSubPair {
  subscribe(channel: string, onMessage: () => void): Promise<void>;
  publish(channel: string, message: string): Promise<unknown>;
  close(): Promise<void>;
}

async function redspecPair(url: string): Promise<PubSubPair> {
  const publisher = createRedspec(url);
  const subscriber = createRedspec(url);
  return {
    subscribe: async (channel, onMessage) => void (await subscriber.subscribe(channel, onMessage)),
    publish: (channel, message) => publisher.publish(channel, message),
    close: async () => void (await Promise.all([publisher.quit(), subscriber.quit()])),
  };
}

async function ioredisPair(url: string): Promise<PubSubPair> {
  const publisher = new Redis(url);
  const subscriber = new Redis(url);
  return {
    async subscribe(channel, onMessage) {
      subscriber.on('message', onMessage);
      await subscriber.subscribe(channel);
    },
    publish: (channel, message) => publisher.publish(channel, message),
    close: async () => void (await Promise.all([publisher.quit(), subscriber.quit()])),
  };
}

async function nodeRedisPair(url: string): Promise<PubSubPair> {
  const publisher = createNodeRedis({ url });
  const subscriber = publisher.duplicate();
  await Promise.all([publisher.connect(), subscriber.connect()]);
  return {
    subscribe: (channel, onMessage) => subscriber.subscribe(channel, onMessage),
    publish: (channel, message) => publisher.publish(channel, message),
    close: async () => void (await Promise.all([publisher.quit(), subscriber.quit()])),
  };
}

const libraries = {
  redspec: redspecPair,
  ioredis: ioredisPair,
  'node-redis': nodeRedisPair,
} as const;
type Library = keyof typeof libraries;

/** One sample through a fresh pair: messages per wall-clock second, and CPU µs per message. */
async function sample(
  library: Library,
  url: string,
  round: number,
): Promise<{ rate: number; cpuUs: number }> {
  const pair = await libraries[library](url);
  const channel = `throughput:${library}:${round}`;
  let received = 0;
  let done: () => void = () => undefined;
  const all = new Promise<void>((resolve) => (done = resolve));
  await pair.subscribe(channel, () => {
    if (++received === MESSAGES) done();
  });
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (let sent = 0; sent < MESSAGES; sent += CHUNK) {
    const chunk: Promise<unknown>[] = [];
    for (let i = sent; i < Math.min(sent + CHUNK, MESSAGES); i++) {
      chunk.push(pair.publish(channel, PAYLOAD));
    }
    await Promise.all(chunk);
  }
  await all;
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  await pair.close();
  return { rate: MESSAGES / seconds, cpuUs: (used.user + used.system) / MESSAGES };
}

const server = await startRedisServer();
try {
  const rates = new Map<Library, number[]>();
  const cpu = new Map<Library, number[]>();
  const order = Object.keys(libraries) as Library[];
  for (let round = 0; round < ROUNDS; round++) {
    // Rotate who goes first, so a slow phase of the machine does not always hit the same one.
    const turn = [...order.slice(round % 3), ...order.slice(0, round % 3)];
    for (const library of turn) {
      const { rate, cpuUs } = await sample(library, server.url, round);
      rates.set(library, [...(rates.get(library) ?? []), rate]);
      cpu.set(library, [...(cpu.get(library) ?? []), cpuUs]);
    }
  }
  const median = (library: Library): number => spread(rates.get(library) ?? []).median;
  const cpuMedian = (library: Library): number => spread(cpu.get(library) ?? []).median;
  process.stdout.write(
    `pub/sub: ${MESSAGES} messages of ${PAYLOAD.length} bytes, one publisher, one subscriber, ` +
      `median of ${ROUNDS} rounds (min–max)\n`,
  );
  for (const library of order) {
    const { min, max } = spread(rates.get(library) ?? []);
    const ratio =
      library === 'redspec' ? '' : `  redspec ×${(median('redspec') / median(library)).toFixed(2)}`;
    process.stdout.write(
      `  ${library.padEnd(11)} ${Math.round(median(library)).toLocaleString('en').padStart(9)} msg/s ` +
        `(${Math.round(min).toLocaleString('en')}–${Math.round(max).toLocaleString('en')})${ratio}` +
        `; ${cpuMedian(library).toFixed(2)} µs CPU/message (publisher and subscriber)\n`,
    );
  }
} finally {
  await server.stop();
}
