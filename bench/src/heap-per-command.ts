/**
 * `pnpm --filter @redspec/bench run heap`: JavaScript heap bytes per command, Redspec against
 * ioredis and node-redis, on one redis-server of its own; each sample in a process of its own.
 *
 * - allocated per command: bytes allocated on the JS heap over N iterations, from V8's sampling
 *   heap profiler (heap-worker.ts, mode `allocated`), divided by the commands;
 * - live per in-flight command: the heap held by the workload's commands while the server is
 *   paused (heap-worker.ts, mode `inflight`).
 *
 * valkey-glide is left out: its commands live in Rust memory, which a JS heap figure misses.
 * Medians of BENCH_HEAP_ROUNDS (default 3) rounds, subjects interleaved. Prints markdown.
 */
import { startRedisServer } from '@redspec/test-utils';
import type { SubjectId } from './clients/subjects.js';
import { lastJsonLine, runChild } from './run-child.js';
import { seed } from './seed.js';
import { findWorkload } from './workloads/all-workloads.js';
import { spread } from './stats.js';

const ROUNDS = Number(process.env.BENCH_HEAP_ROUNDS ?? 3);
/** Redspec, the peers with a JS heap, and the hand-written client where a workload runs it. */
const SUBJECTS: readonly SubjectId[] = ['redspec', 'ioredis', 'node-redis', 'minimal'];
const PEERS: readonly SubjectId[] = ['ioredis', 'node-redis'];
const runs = (workload: string, subject: SubjectId): boolean =>
  findWorkload(workload).subjects.includes(subject);
/** Workload, and the iterations N sampled. */
const ALLOCATED: readonly (readonly [string, number])[] = [
  ['pipeline-1000', 20],
  ['promise-all-get', 4],
  ['sequential-incr', 4],
];
const INFLIGHT = ['pipeline-1000', 'promise-all-get'];

async function sample(args: readonly string[]): Promise<{ json: Record<string, number> }> {
  const child = await runChild(process.execPath, [
    '--expose-gc',
    '--import',
    'tsx',
    'src/heap-worker.ts',
    ...args,
  ]);
  const json = lastJsonLine(child.stdout) as Record<string, number> | undefined;
  if (child.code !== 0 || json === undefined) {
    throw new Error(`heap-worker ${args.join(' ')} failed: ${child.stderr.slice(-2000)}`);
  }
  return { json };
}

async function allocatedPerCommand(
  url: string,
  workload: string,
  n: number,
  subject: SubjectId,
): Promise<number> {
  const { json } = await sample(['allocated', workload, subject, url, String(n)]);
  return json.bytes! / json.commands!;
}

async function inflightPerCommand(
  url: string,
  workload: string,
  subject: SubjectId,
): Promise<number> {
  const { json } = await sample(['inflight', workload, subject, url, '1']);
  return json.bytes! / json.commands!;
}

const server = await startRedisServer();
try {
  await seed(server.url);
  const rows = new Map<string, Map<SubjectId, number[]>>();
  const add = (row: string, subject: SubjectId, value: number): void => {
    const bySubject = rows.get(row) ?? new Map<SubjectId, number[]>();
    bySubject.set(subject, [...(bySubject.get(subject) ?? []), value]);
    rows.set(row, bySubject);
  };
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [workload, n] of ALLOCATED) {
      for (const subject of SUBJECTS.filter((s) => runs(workload, s))) {
        const bytes = await allocatedPerCommand(server.url, workload, n, subject);
        add(`allocated per command · ${workload}`, subject, bytes);
        console.error(
          `[round ${round}/${ROUNDS}] allocated ${workload} · ${subject}: ${Math.round(bytes)} B`,
        );
      }
    }
    for (const workload of INFLIGHT) {
      for (const subject of PEERS.concat('redspec')) {
        const bytes = await inflightPerCommand(server.url, workload, subject);
        add(`live per in-flight command · ${workload}`, subject, bytes);
        console.error(
          `[round ${round}/${ROUNDS}] in flight ${workload} · ${subject}: ${Math.round(bytes)} B`,
        );
      }
    }
  }
  report(rows);
} finally {
  await server.stop();
}

function report(rows: Map<string, Map<SubjectId, number[]>>): void {
  const int = (n: number): string => Math.round(n).toLocaleString('en-US');
  const cell = (values: readonly number[] | undefined): string => {
    if (values === undefined) return '—';
    const { median, min, max } = spread(values);
    return `${int(median)} (${int(min)}–${int(max)})`;
  };
  const median = (values: readonly number[] | undefined): number =>
    values === undefined ? NaN : spread(values).median;
  console.log(
    `| JS heap bytes per command (median, min–max over ${ROUNDS} rounds) | ${SUBJECTS.join(' | ')} | Redspec ÷ best peer |`,
  );
  console.log(`| --- | ${SUBJECTS.map(() => '-:').join(' | ')} | -: |`);
  for (const [row, bySubject] of rows) {
    const bestPeer = Math.min(...PEERS.map((peer) => median(bySubject.get(peer))));
    const ratio = (median(bySubject.get('redspec')) / bestPeer).toFixed(2);
    console.log(
      `| ${row} | ${SUBJECTS.map((s) => cell(bySubject.get(s))).join(' | ')} | ${ratio} |`,
    );
  }
}
