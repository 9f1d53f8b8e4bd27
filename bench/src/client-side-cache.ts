/**
 * `pnpm --filter @redspec/bench cache`: hot-key GETs with Redspec's client-side cache, without
 * it, and with node-redis's `clientSideCache` (RESP3), against one redis-server of its own, in
 * the same run. Rounds interleave the subjects so that machine noise hits them alike; each
 * round runs BENCH_CACHE_OPS GETs (default 200 000) as `Promise.all` batches of 100 over 100 hot
 * keys. Reports the median round's GETs per second and client CPU µs per GET, and ratios to
 * Redspec without caching. Prints a markdown table; nothing is written.
 */
import { startRedisServer } from '@redspec/test-utils';
import { createClient as createRedspec } from '@redspec/client';
import { createClient as createNodeRedis } from 'redis';

interface Subject {
  readonly name: string;
  get(key: string): Promise<unknown>;
  close(): Promise<unknown>;
}

const OPS = Number(process.env.BENCH_CACHE_OPS ?? 200_000);
const ROUNDS = Number(process.env.BENCH_CACHE_ROUNDS ?? 5);
const BATCH = 100;
const KEYS = Array.from({ length: 100 }, (_, i) => `hot:${i}`);

const server = await startRedisServer();
try {
  const seeder = createRedspec(server.url);
  await Promise.all(KEYS.map((key) => seeder.set(key, `value-of-${key}`.padEnd(64, '.'))));
  await seeder.quit();
  const subjects = await openSubjects(server.url);
  const samples = new Map<string, { opsPerSec: number; cpuUsPerOp: number }[]>();
  for (const subject of subjects) await run(subject, 10_000); // warm-up: JIT, caches filled
  for (let round = 0; round < ROUNDS; round++) {
    for (const subject of subjects) {
      const sample = await run(subject, OPS);
      samples.set(subject.name, [...(samples.get(subject.name) ?? []), sample]);
    }
  }
  await Promise.all(subjects.map((subject) => subject.close()));
  report(samples);
} finally {
  await server.stop();
}

async function openSubjects(url: string): Promise<Subject[]> {
  const plain = await createRedspec(url).connect();
  const cached = await createRedspec({ url, clientSideCache: { maxEntries: 10_000 } }).connect();
  const nodeRedis = createNodeRedis({ url, RESP: 3, clientSideCache: { maxEntries: 10_000 } });
  await nodeRedis.connect();
  return [
    { name: 'redspec, no cache', get: (key) => plain.get(key), close: () => plain.quit() },
    { name: 'redspec, clientSideCache', get: (key) => cached.get(key), close: () => cached.quit() },
    {
      name: 'node-redis, clientSideCache',
      get: (key) => nodeRedis.get(key),
      close: () => nodeRedis.quit(),
    },
  ];
}

/** `ops` GETs in batches; checks every reply, so a wrong cache cannot look fast. */
async function run(
  subject: Subject,
  ops: number,
): Promise<{ opsPerSec: number; cpuUsPerOp: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let done = 0; done < ops; done += BATCH) {
    const batch: Promise<unknown>[] = [];
    for (let i = 0; i < BATCH; i++) batch.push(subject.get(KEYS[(done + i) % KEYS.length]!));
    const replies = await Promise.all(batch);
    if (!String(replies[0]).startsWith('value-of-hot:'))
      throw new Error(`${subject.name} replied ${String(replies[0])}`);
  }
  const elapsed = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { opsPerSec: (ops / elapsed) * 1000, cpuUsPerOp: (used.user + used.system) / ops };
}

function report(samples: Map<string, { opsPerSec: number; cpuUsPerOp: number }[]>): void {
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
  const rows = [...samples].map(([name, list]) => ({
    name,
    opsPerSec: median(list.map((sample) => sample.opsPerSec)),
    cpuUsPerOp: median(list.map((sample) => sample.cpuUsPerOp)),
  }));
  const base = rows[0]!;
  console.log(`Hot-key GETs: ${ROUNDS} rounds of ${OPS} GETs over ${KEYS.length} keys, medians\n`);
  console.log(
    '| subject | GETs/s | client CPU µs/GET | throughput vs no cache | CPU vs no cache |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    console.log(
      `| ${row.name} | ${Math.round(row.opsPerSec)} | ${row.cpuUsPerOp.toFixed(2)} | ` +
        `${(row.opsPerSec / base.opsPerSec).toFixed(2)}× | ${(row.cpuUsPerOp / base.cpuUsPerOp).toFixed(2)}× |`,
    );
  }
}
