/**
 * `pnpm --filter @redspec/bench run compare <git-ref>`: the client built from this checkout
 * against the one built from `<git-ref>`, on one redis-server, interleaved round by round, each
 * sample in a process of its own. For a change's before/after: awaited INCR one at a time,
 * pipelines of 100 and 1000 mixed commands, and a Promise.all of 10 000 GETs, through the public
 * API both builds share; on request (`COMPARE_WORKLOADS`), a batch of 1000 on a cluster.
 * Prints commands/s and client CPU per command (median, min–max) and the median of per-round
 * ratios; CPU time is the steadier figure on a busy machine.
 */
import { spawn } from 'node:child_process';
import { startRedisCluster, startRedisServer } from '@redspec/test-utils';
import { buildRef, CURRENT_CLIENT } from './build-ref.js';
import { seed } from './seed.js';
import { spread } from './stats.js';

const ref = process.argv[2];
if (ref === undefined) throw new Error('usage: compare-builds <git-ref> [rounds]');
const rounds = Number(process.argv[3] ?? 7);
// COMPARE_WORKLOADS=sequential-incr,pipeline-1000 runs only those; cluster-1000 (a batch of
// 1000 over a 3-primary cluster the run starts) only when named.
const workloads = (
  process.env['COMPARE_WORKLOADS'] ??
  'sequential-incr,pipeline-100,pipeline-1000,promise-all-10k-get'
).split(',');
/** What one sample process runs: plain ESM, so either build loads without tsx. */
const SAMPLE = `
const [entry, url, workload] = process.argv.slice(1);
const { createClient, createCluster } = await import(entry);
// A cluster workload gets the cluster's root nodes as JSON in place of a URL.
const client = workload.startsWith('cluster-')
  ? await createCluster({ rootNodes: JSON.parse(url) }).connect()
  : await createClient(url).connect();
const mixed = (n) => (p) => { for (let i = 0; i < n; i++) { const k = i % 3;
  if (k === 0) p.set('bench:key:' + i, 'v'); else if (k === 1) p.get('bench:key:' + (i - 1));
  else p.incr('bench:counter:' + i); } };
const work = {
  'sequential-incr': [1, 20000, async () => { await client.incr('bench:seq'); }],
  'pipeline-100': [100, 3000, async () => { const p = client.pipeline(); mixed(100)(p); await p.execute(); }],
  'pipeline-1000': [1000, 400, async () => { const p = client.pipeline(); mixed(1000)(p); await p.execute(); }],
  'cluster-1000': [1000, 300, async () => { const p = client.pipeline(); mixed(1000)(p); await p.execute(); }],
  'promise-all-10k-get': [10000, 40, async () => {
    await Promise.all(Array.from({ length: 10000 }, (_, i) => client.get('bench:key:' + (i % 10000)))); }],
}[workload];
const [ops, iterations, run] = work;
for (let i = 0; i < iterations / 5; i++) await run();
const started = performance.now();
const cpu = process.cpuUsage();
for (let i = 0; i < iterations; i++) await run();
const used = process.cpuUsage(cpu);
const seconds = (performance.now() - started) / 1000;
await client.quit();
// Client CPU per command too: far less sensitive than wall time to a busy machine.
const cpuNs = ((used.user + used.system) * 1000) / (ops * iterations);
process.stdout.write(JSON.stringify({ rate: (ops * iterations) / seconds, cpuNs }));
`;

interface Sample {
  /** Commands per second, wall clock. */
  readonly rate: number;
  /** Nanoseconds of this process's CPU per command. */
  readonly cpuNs: number;
}

function sample(entry: string, url: string, workload: string): Promise<Sample> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [
      '--input-type=module',
      '-e',
      SAMPLE,
      entry,
      url,
      workload,
    ]);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.pipe(process.stderr);
    child.on('exit', (code) =>
      code === 0 ? done(JSON.parse(out) as Sample) : fail(new Error(`${workload} exited ${code}`)),
    );
  });
}

const before = buildRef(ref);
const after = CURRENT_CLIENT;
const server = await startRedisServer();
const cluster = workloads.some((workload) => workload.startsWith('cluster-'))
  ? await startRedisCluster({ primaries: 3, replicasPerPrimary: 0 })
  : undefined;
try {
  await seed(server.url);
  for (const workload of workloads) {
    const target = workload.startsWith('cluster-')
      ? JSON.stringify(cluster!.rootNodes)
      : server.url;
    const got = { before: [] as Sample[], after: [] as Sample[] };
    for (let round = 0; round < rounds; round++) {
      // Alternate which build goes first, so drift favours neither.
      const order =
        round % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const);
      for (const which of order) {
        got[which].push(await sample(which === 'before' ? before : after, target, workload));
      }
    }
    const ratio = (pick: (s: Sample) => number) =>
      spread(got.after.map((s, i) => pick(s) / pick(got.before[i]!)));
    const show = (values: number[], digits = 0) => {
      const s = spread(values);
      const f = (n: number) => n.toLocaleString('en', { maximumFractionDigits: digits });
      return `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
    };
    const rate = ratio((s) => s.rate);
    const cpu = ratio((s) => s.cpuNs);
    process.stdout.write(
      `${workload}\n` +
        `  commands/s   before ${show(got.before.map((s) => s.rate))}  after ${show(got.after.map((s) => s.rate))}  ` +
        `after/before ${rate.median.toFixed(3)} (${rate.min.toFixed(3)}–${rate.max.toFixed(3)})\n` +
        `  client CPU ns/command  before ${show(got.before.map((s) => s.cpuNs))}  after ${show(got.after.map((s) => s.cpuNs))}  ` +
        `after/before ${cpu.median.toFixed(3)} (${cpu.min.toFixed(3)}–${cpu.max.toFixed(3)})\n`,
    );
  }
} finally {
  await server.stop();
  await cluster?.stop();
}
