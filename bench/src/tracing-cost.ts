/**
 * `pnpm --filter @redspec/bench run tracing-cost`: what the tracing channels and
 * `captureCallSite` cost, in client CPU nanoseconds per command (`process.cpuUsage`, so the
 * server's work and the wait for replies are left out), for a pipeline of 1000 GETs, 1000 GETs
 * issued at once (auto-pipelined single commands) and sequential awaited GETs. The modes are
 * interleaved round by round in one process; medians over the rounds. Build first (`pnpm build`).
 *
 * `TRACING_BASELINE=/path/to/other/packages/client/dist/index.js` adds a client built without
 * the tracing code (e.g. main's) as the `baseline` row, to show the cost of the unsubscribed check.
 */
import { tracingChannel } from 'node:diagnostics_channel';
import { createClient, traceChannels, type RedisClient } from '@redspec/client';
import { startRedisServer } from '@redspec/test-utils';
import { spread } from './stats.js';

type Mode = 'baseline' | 'no subscriber' | 'subscriber' | 'captureCallSite';
interface Workload {
  readonly name: string;
  readonly commands: number;
  run(client: RedisClient): Promise<unknown>;
}

const ROUNDS = Number(process.env.TRACING_ROUNDS ?? 15);
const keys = Array.from({ length: 1000 }, (_, i) => `tracing-cost:${i}`);
const workloads: Workload[] = [
  {
    name: 'pipeline of 1000 GET',
    commands: 20 * 1000,
    async run(client) {
      for (let i = 0; i < 20; i++) await client.pipeline((p) => keys.map((key) => p.get(key)));
    },
  },
  {
    name: '1000 GET at once',
    commands: 20 * 1000,
    async run(client) {
      for (let i = 0; i < 20; i++) await Promise.all(keys.map((key) => client.get(key)));
    },
  },
  {
    name: 'sequential GET',
    commands: 2000,
    async run(client) {
      for (let i = 0; i < 2000; i++) await client.get(keys[i % 1000]!);
    },
  },
];

/** A subscriber doing what a span exporter does at least: time each operation. */
let traced = 0;
const subscriber = {
  start: (context: object) => void ((context as { t?: number }).t = performance.now()),
  end: () => undefined,
  asyncStart: () => undefined,
  asyncEnd: (context: object) => void (traced += performance.now() - (context as { t: number }).t),
  error: () => undefined,
};
const channels = [traceChannels.command, traceChannels.batch].map((name) => tracingChannel(name));

async function baselineClient(url: string): Promise<RedisClient | undefined> {
  const path = process.env.TRACING_BASELINE;
  if (path === undefined || path === '') return undefined;
  const module = (await import(path)) as { createClient: typeof createClient };
  return module.createClient(url);
}

/**
 * The unsubscribed hot path adds this check per command (trace-channels.ts `isTraced`), too
 * small for the end-to-end rows to resolve on a shared machine: timed alone here.
 */
function checkCostNs(): number {
  const [command] = channels;
  const isTraced = (): boolean =>
    command!.start.hasSubscribers ||
    command!.end.hasSubscribers ||
    command!.asyncStart.hasSubscribers ||
    command!.asyncEnd.hasSubscribers ||
    command!.error.hasSubscribers;
  const n = 10_000_000;
  let hits = 0;
  const before = process.cpuUsage();
  for (let i = 0; i < n; i++) if (isTraced()) hits++;
  const used = process.cpuUsage(before);
  if (hits !== 0) throw new Error('a subscriber was left attached');
  return ((used.user + used.system) * 1000) / n;
}

const server = await startRedisServer();
const clients = new Map<Mode, RedisClient>([
  ['no subscriber', createClient(server.url)],
  ['subscriber', createClient(server.url)],
  ['captureCallSite', createClient({ url: server.url, captureCallSite: true })],
]);
const baseline = await baselineClient(server.url);
if (baseline !== undefined) clients.set('baseline', baseline);
try {
  await clients
    .get('no subscriber')!
    .mset(Object.fromEntries(keys.map((key) => [key, 'x'.repeat(16)])));
  const samples = new Map<string, number[]>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const workload of workloads) {
      for (const [mode, client] of clients) {
        if (mode === 'subscriber') for (const channel of channels) channel.subscribe(subscriber);
        const before = process.cpuUsage();
        await workload.run(client);
        const used = process.cpuUsage(before);
        if (mode === 'subscriber') for (const channel of channels) channel.unsubscribe(subscriber);
        const ns = ((used.user + used.system) * 1000) / workload.commands;
        const key = `${workload.name}|${mode}`;
        if (round > 0) samples.set(key, [...(samples.get(key) ?? []), ns]); // round 0 warms up
      }
    }
  }
  process.stdout.write(`client CPU ns/command, median of ${ROUNDS - 1} rounds (min–max)\n`);
  for (const workload of workloads) {
    const base = spread(samples.get(`${workload.name}|no subscriber`) ?? []).median;
    process.stdout.write(`\n${workload.name}\n`);
    for (const mode of clients.keys()) {
      const { median, min, max } = spread(samples.get(`${workload.name}|${mode}`) ?? []);
      const delta =
        mode === 'no subscriber'
          ? ''
          : `  ${median - base >= 0 ? '+' : ''}${(median - base).toFixed(0)} ns vs no subscriber`;
      process.stdout.write(
        `  ${mode.padEnd(16)} ${median.toFixed(0).padStart(6)} (${min.toFixed(0)}–${max.toFixed(0)})${delta}\n`,
      );
    }
  }
  process.stdout.write(`\nthe unsubscribed check alone: ${checkCostNs().toFixed(1)} ns/command\n`);
  if (traced <= 0) throw new Error('the subscriber saw nothing: the bench measured no tracing');
} finally {
  await Promise.all([...clients.values()].map((client) => client.quit()));
  await server.stop();
}
