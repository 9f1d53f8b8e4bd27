/**
 * `pnpm --filter @redspec/bench run compare <git-ref>`: the client built from this checkout
 * against the one built from `<git-ref>`, on one redis-server, interleaved round by round, each
 * sample in a process of its own. For a change's before/after: awaited INCR one at a time,
 * pipelines of 100 and 1000 mixed commands, and a Promise.all of 10 000 GETs, through the public
 * API both builds share.
 * Prints commands/s and client CPU per command (median, min–max) and the median of per-round
 * ratios; CPU time is the steadier figure on a busy machine.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startRedisServer } from '@redspec/test-utils';
import { seed } from './seed.js';
import { spread } from './stats.js';

const ref = process.argv[2];
if (ref === undefined) throw new Error('usage: compare-builds <git-ref> [rounds]');
const rounds = Number(process.argv[3] ?? 7);
// COMPARE_WORKLOADS=sequential-incr,pipeline-1000 runs only those.
const workloads = (
  process.env['COMPARE_WORKLOADS'] ??
  'sequential-incr,pipeline-100,pipeline-1000,promise-all-10k-get'
).split(',');
const repo = resolve(import.meta.dirname, '../..');

/** A worktree of `ref` with its packages built, reused between runs. */
function buildRef(): string {
  const sha = execFileSync('git', ['rev-parse', '--short', ref!], { cwd: repo }).toString().trim();
  const dir = join(tmpdir(), `redspec-compare-${sha}`);
  if (!existsSync(join(dir, 'packages/client/dist/index.js'))) {
    if (!existsSync(dir))
      execFileSync('git', ['worktree', 'add', '--detach', dir, sha], { cwd: repo });
    execFileSync('pnpm', ['install', '--frozen-lockfile', '--reporter=silent'], {
      cwd: dir,
      stdio: 'inherit',
    });
    execFileSync('pnpm', ['build'], { cwd: dir, stdio: 'inherit' });
  }
  return join(dir, 'packages/client/dist/index.js');
}

/** What one sample process runs: plain ESM, so either build loads without tsx. */
const SAMPLE = `
const [entry, url, workload] = process.argv.slice(1);
const { createClient } = await import(entry);
const client = await createClient(url).connect();
const mixed = (n) => (p) => { for (let i = 0; i < n; i++) { const k = i % 3;
  if (k === 0) p.set('bench:key:' + i, 'v'); else if (k === 1) p.get('bench:key:' + (i - 1));
  else p.incr('bench:counter:' + i); } };
const work = {
  'sequential-incr': [1, 20000, async () => { await client.incr('bench:seq'); }],
  'pipeline-100': [100, 3000, async () => { const p = client.pipeline(); mixed(100)(p); await p.execute(); }],
  'pipeline-1000': [1000, 400, async () => { const p = client.pipeline(); mixed(1000)(p); await p.execute(); }],
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

const before = buildRef();
const after = join(repo, 'packages/client/dist/index.js');
const server = await startRedisServer();
try {
  await seed(server.url);
  for (const workload of workloads) {
    const got = { before: [] as Sample[], after: [] as Sample[] };
    for (let round = 0; round < rounds; round++) {
      // Alternate which build goes first, so drift favours neither.
      const order =
        round % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const);
      for (const which of order) {
        got[which].push(await sample(which === 'before' ? before : after, server.url, workload));
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
}
