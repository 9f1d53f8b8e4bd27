import type { BenchResults, WorkloadResult } from './results.js';
import { profileTable } from './report-profile.js';
import type { Spread } from './stats.js';

const int = (n: number): string =>
  Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '—';
const fixed = (n: number, digits = 2): string => (Number.isFinite(n) ? n.toFixed(digits) : '—');
const range = (s: Spread, show: (n: number) => string): string => `${show(s.min)}–${show(s.max)}`;

const ratio = (s: Spread | undefined): string =>
  s === undefined ? '—' : `${fixed(s.median)} (${range(s, fixed)})`;
const load = (values: readonly number[] | undefined): string =>
  values === undefined ? '—' : values.map((n) => n.toFixed(2)).join(' / ');

function header(results: BenchResults): string[] {
  const env = results.environment;
  const packages = Object.entries(env.packages).map(([name, version]) => `${name} ${version}`);
  return [
    `# Redspec benchmarks — ${env.quick ? 'quick run (harness check only: the figures mean nothing)' : 'latest run'}`,
    '',
    `${env.date} · ${env.cpu} × ${env.cores} cores (client, server and redis-benchmark share them) · ` +
      `load average (1 / 5 / 15 min) ${load(env.loadAtStart)} at start, ${load(env.loadAtEnd)} at end`,
    '',
    `Versions: Node ${env.node}, redis-server ${env.redisServer}, ${env.redisBenchmark}, ${packages.join(', ')}.`,
    '',
    `${env.rounds} rounds, scale ${env.scale}; each sample is its own process, subjects and the redis-benchmark reference interleaved round by round. ` +
      `${fixed(results.quietShare * 100, 0)}% of samples started on a quiet machine ` +
      `(≥ ${env.quiet.minIdle * 100}% idle within ${env.quiet.maxWaitMs} ms). Run took ${int(results.wallSeconds)} s.`,
    '',
    'Every figure is a median with its min–max. Ratios are medians of per-round ratios (both ' +
      'sides sampled in the same round), not ratios of the medians. CPU µs/cmd is the client ' +
      "process's user + system time per command (`process.cpuUsage()`), steadier than wall time on a busy machine.",
  ];
}

function targets(results: BenchResults): string[] {
  const rows = results.targets.map((t) => {
    const met =
      t.value === undefined
        ? 'not measured'
        : t.met === undefined
          ? 'reported'
          : t.met
            ? '**met**'
            : '**not met**';
    return `| ${t.name} | ${t.goal} | ${t.value === undefined ? '—' : fixed(t.value)} | ${met} | ${t.detail} |`;
  });
  return [
    '## Targets',
    '',
    '| target | goal | measured | | detail |',
    '| --- | --- | -: | --- | --- |',
    ...rows,
  ];
}

function referenceRow(result: WorkloadResult): string[] {
  const ref = result.reference;
  if (ref === undefined) return [];
  const errors = ref.samples.filter((sample) => sample.error !== undefined);
  const failed = errors.length > 0 ? ` (${errors.length} failed: ${errors[0]?.error ?? ''})` : '';
  const tests = Object.entries(ref.rps)
    .map(([test, s]) => `${test} ${int(s.median)} (${range(s, int)})`)
    .join('; ');
  return [
    `| ${ref.title} (C) | ${int(ref.opsPerSec.median)} | ${range(ref.opsPerSec, int)} | — | — | ${ref.opsPerSec.n}${failed} | — | 1.00 |`,
    '',
    `redis-benchmark by test, req/s: ${tests}. Its row is the mix's rate (harmonic mean).`,
  ];
}

function workload(result: WorkloadResult): string[] {
  const lines = [`### ${result.title}`, ''];
  if (result.note) lines.push(`${result.note}`, '');
  if (result.skipped) return [...lines, `Skipped: ${result.skipped}.`, ''];
  lines.push(
    '| client | median cmd/s | min–max | CPU µs/cmd (min–max) | peak RSS MB | samples | × fastest peer (min–max) | × redis-benchmark (min–max) |',
    '| --- | -: | -: | -: | -: | -: | -: | -: |',
  );
  for (const s of result.subjects) {
    const errors = s.samples.filter((sample) => sample.error !== undefined);
    const failed = errors.length > 0 ? ` (${errors.length} failed: ${errors[0]?.error ?? ''})` : '';
    const cpu = `${fixed(s.cpuUsPerOp.median, 3)} (${range(s.cpuUsPerOp, (n) => fixed(n, 3))})`;
    lines.push(
      `| ${s.label} | ${int(s.opsPerSec.median)} | ${range(s.opsPerSec, int)} | ${cpu} | ${int(s.peakRssMb.median)} (${range(s.peakRssMb, int)}) | ${s.opsPerSec.n}${failed} | ${ratio(s.ratioToFastestPeer)} | ${ratio(s.ratioToReference)} |`,
    );
  }
  return [...lines, ...referenceRow(result), ''];
}

function typecheck(results: BenchResults): string[] {
  if (results.typecheck.length === 0) return [];
  const rows = results.typecheck.map(
    (t) =>
      `| ${t.fixture} | ${fixed(t.checkSeconds.median)} (${range(t.checkSeconds, fixed)}) | ${int(t.memoryKb.median / 1024)} | ${int(t.instantiations)} | ${int(t.types)} |`,
  );
  return [
    '## Typecheck cost of the sample app (`tsc --extendedDiagnostics --noEmit`)',
    '',
    'The same 30 commands on the client, a pipeline and a transaction (`bench/typecheck/*/app.ts`); `baseline` imports no client.',
    '',
    '| fixture | check time s (min–max) | memory MB | instantiations | types |',
    '| --- | -: | -: | -: | -: |',
    ...rows,
  ];
}

function coldStart(results: BenchResults): string[] {
  if (results.coldStart.length === 0) return [];
  const rows = results.coldStart.map(
    (c) =>
      `| ${c.client} | ${fixed(c.firstReplyMs.median, 0)} (${range(c.firstReplyMs, (n) => fixed(n, 0))}) | ${fixed(c.importMs.median, 0)} |`,
  );
  return [
    '## Cold start (new `node` process: import, connect, first GET)',
    '',
    '| client | first reply ms after process start (min–max) | import ms |',
    '| --- | -: | -: |',
    ...rows,
  ];
}

function profile(results: BenchResults): string[] {
  const p = results.profile;
  if (p === undefined) return [];
  const title = '## Profile: Redspec pipelines of 1000 (`node --cpu-prof`, self time)';
  if ('error' in p) return [title, '', `Failed: ${p.error}`];
  return [
    title,
    '',
    `${p.pipelines} pipelines in ${p.seconds} s; top 15 functions by self time, idle excluded.`,
    '',
    profileTable(p.top),
  ];
}

/** `latest.md`: the targets, then every table. */
export function renderMarkdown(results: BenchResults): string {
  const sections = [
    header(results),
    targets(results),
    [
      '## Throughput (commands/s; median over processes, higher is faster)',
      '',
      ...results.workloads.flatMap(workload),
    ],
    typecheck(results),
    coldStart(results),
    profile(results),
  ].filter((lines) => lines.length > 0);
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
