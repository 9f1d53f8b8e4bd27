/**
 * `pnpm --filter @redspec/bench run compare:heap <git-ref>`: JS heap bytes per command of
 * `<git-ref>`'s client build and this checkout's, on one redis-server of its own: allocated per
 * pipelined, concurrent and sequential command, and held per in-flight command
 * (heap-build-worker.ts). Each sample is a process of its own, the builds alternating, 3 rounds
 * (BENCH_HEAP_ROUNDS). Heap figures hardly depend on the host's load, unlike timings.
 */
import { startRedisServer } from '@redspec/test-utils';
import { buildRef, CURRENT_CLIENT } from './build-ref.js';
import { lastJsonLine, runChild } from './run-child.js';
import { spread } from './stats.js';

const ref = process.argv[2];
if (ref === undefined) throw new Error('usage: compare-heap <git-ref>');
const ROUNDS = Number(process.env.BENCH_HEAP_ROUNDS ?? 3);
const builds = { before: buildRef(ref), after: CURRENT_CLIENT };
const ROWS = {
  allocatedPipeline: 'allocated · pipeline of 1000 SET/GET/INCR',
  allocatedPromiseAll: 'allocated · Promise.all of 10k GET',
  allocatedSequential: 'allocated · sequential INCR',
  liveInflightPipeline: 'live per in-flight command · 10 pipelines of 1000',
  liveInflightPromiseAll: 'live per in-flight command · Promise.all of 10k GET',
} as const;
type Row = keyof typeof ROWS;

async function sample(entry: string, url: string): Promise<Record<Row, number>> {
  const child = await runChild(process.execPath, [
    '--expose-gc',
    '--import',
    'tsx',
    'src/heap-build-worker.ts',
    entry,
    url,
  ]);
  const json = lastJsonLine(child.stdout) as Record<Row, number> | undefined;
  if (child.code !== 0 || json === undefined) {
    throw new Error(`heap-build-worker ${entry} failed: ${child.stderr.slice(-2000)}`);
  }
  return json;
}

const server = await startRedisServer();
const samples = { before: [] as Record<Row, number>[], after: [] as Record<Row, number>[] };
try {
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const);
    for (const which of order) samples[which].push(await sample(builds[which], server.url));
  }
} finally {
  await server.stop();
}
const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const cell = (values: number[]): string => {
  const { median, min, max } = spread(values);
  return `${int(median)} (${int(min)}–${int(max)})`;
};
console.log(
  `| JS heap bytes per command (${ROUNDS} rounds) | ${ref} | this build | after/before |`,
);
console.log('| --- | -: | -: | -: |');
for (const [row, title] of Object.entries(ROWS) as [Row, string][]) {
  const before = samples.before.map((s) => s[row]);
  const after = samples.after.map((s) => s[row]);
  const ratio = spread(after).median / spread(before).median;
  console.log(`| ${title} | ${cell(before)} | ${cell(after)} | ${ratio.toFixed(2)} |`);
}
