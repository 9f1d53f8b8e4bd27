import type { SubjectId } from './clients/subjects.js';
import { byRound, roundRatios } from './round-ratios.js';
import type { SubjectResult, TargetResult, TypecheckResult, WorkloadResult } from './results.js';
import type { Spread } from './stats.js';

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const x = (n: number): string => `${n.toFixed(2)}×`;
const range = (s: Spread): string => `${x(s.min)}–${x(s.max)} over ${s.n} rounds`;

function subject(
  workloads: readonly WorkloadResult[],
  id: string,
  subjectId: SubjectId,
): SubjectResult | undefined {
  const found = workloads.find((w) => w.id === id)?.subjects.find((s) => s.id === subjectId);
  return found && found.opsPerSec.n > 0 ? found : undefined;
}

function missing(name: string, goal: string, why: string): TargetResult {
  return { name, goal, value: undefined, met: undefined, detail: why };
}

/** Redspec's main subject against the fastest peer of each round of workload `id`. */
function vsPeers(
  workloads: readonly WorkloadResult[],
  id: string,
  name: string,
  min: number,
  subjectId: SubjectId = 'redspec',
): TargetResult {
  const goal = `≥ ${min}× the fastest peer`;
  const ratio = subject(workloads, id, subjectId)?.ratioToFastestPeer;
  if (ratio === undefined) return missing(name, goal, 'not measured');
  const ours = subject(workloads, id, subjectId)!;
  const peers = workloads.find((w) => w.id === id)?.subjects.filter((s) => s.peer) ?? [];
  const fastest = [...peers].sort((a, b) => b.opsPerSec.median - a.opsPerSec.median)[0];
  const detail =
    `median of per-round ratios, ${range(ratio)}; Redspec ${fmt(ours.opsPerSec.median)} cmd/s, ` +
    `fastest peer overall ${fastest?.label ?? '—'} ${fmt(fastest?.opsPerSec.median ?? NaN)} cmd/s`;
  return { name, goal, value: ratio.median, met: ratio.median >= min, detail };
}

/** Redspec against `redis-benchmark -c 1` on the same commands, round by round. */
function vsReference(
  workloads: readonly WorkloadResult[],
  id: string,
  name: string,
  min: number,
): TargetResult {
  const workload = workloads.find((w) => w.id === id);
  const goal = `≥ ${min}× ${workload?.reference?.title ?? 'redis-benchmark'}`;
  const ours = subject(workloads, id, 'redspec');
  const ratio = ours?.ratioToReference;
  if (ours === undefined || ratio === undefined || workload?.reference === undefined) {
    return missing(name, goal, 'not measured');
  }
  const detail =
    `median of per-round ratios, ${range(ratio)}; Redspec ${fmt(ours.opsPerSec.median)} cmd/s, ` +
    `redis-benchmark ${fmt(workload.reference.opsPerSec.median)} cmd/s`;
  return { name, goal, value: ratio.median, met: ratio.median >= min, detail };
}

/** `ours / theirs` (two subjects of one workload), round by round. */
function between(
  workloads: readonly WorkloadResult[],
  id: string,
  ours: SubjectId,
  theirs: SubjectId,
): Spread | undefined {
  const a = subject(workloads, id, ours);
  const b = subject(workloads, id, theirs);
  if (a === undefined || b === undefined) return undefined;
  return roundRatios(byRound(a.samples), byRound(b.samples));
}

// "≤ 5% over the raw path" is in time per command: rate ratio ≥ 1 / 1.05.
const TYPED_MIN = 1 / 1.05;
const TYPED_MODES: readonly SubjectId[] = [
  'redspec',
  'redspec-future-result',
  'redspec-await-future',
];

function typedLayer(workloads: readonly WorkloadResult[], size: number): TargetResult {
  const id = `pipeline-${size}`;
  const name = `Typed layer cost, pipeline of ${size} (execute → results vs sendBatch)`;
  const goal = '≤ 5% more time than raw (rate ratio ≥ 0.95)';
  const ratio = between(workloads, id, 'redspec', 'redspec-raw');
  if (ratio === undefined) return missing(name, goal, 'not measured');
  const modes = TYPED_MODES.map((mode) => {
    const each = between(workloads, id, mode, 'redspec-raw');
    return each === undefined ? `${mode}: —` : `${mode} ${x(each.median)}`;
  });
  const detail = `${modes.join(', ')} (per-round ratios to raw; ${range(ratio)})`;
  return { name, goal, value: ratio.median, met: ratio.median >= TYPED_MIN, detail };
}

/** Reported, not a goal: how close the raw batch path comes to a hand-written pipeline. */
function rawVsMinimal(workloads: readonly WorkloadResult[], size: number): TargetResult {
  const name = `Raw batch path vs a minimal hand-written Node pipeline, ${size}`;
  const goal = 'reported (the practical Node limit)';
  const ratio = between(workloads, `pipeline-${size}`, 'redspec-raw', 'minimal');
  if (ratio === undefined) return missing(name, goal, 'not measured');
  const typed = between(workloads, `pipeline-${size}`, 'redspec', 'minimal');
  const detail = `raw ${range(ratio)}; typed (execute → results) ${typed ? x(typed.median) : '—'} of minimal`;
  return { name, goal, value: ratio.median, met: undefined, detail };
}

/** Reported, not a goal: sequential INCR against the same hand-written client, one at a time. */
function sequentialVsMinimal(workloads: readonly WorkloadResult[]): TargetResult {
  const name = 'Sequential INCR vs a minimal hand-written Node client';
  const goal = 'reported (the practical Node limit)';
  const ratio = between(workloads, 'sequential-incr', 'redspec', 'minimal');
  if (ratio === undefined) return missing(name, goal, 'not measured');
  const minimal = subject(workloads, 'sequential-incr', 'minimal');
  const reference = minimal?.ratioToReference;
  const limit = reference ? `; minimal vs redis-benchmark ${x(reference.median)}` : '';
  return { name, goal, value: ratio.median, met: undefined, detail: `${range(ratio)}${limit}` };
}

function typecheckCost(results: readonly TypecheckResult[]): TargetResult {
  const name = 'Typecheck of the sample app vs node-redis';
  const goal = '≤ 1/3 of node-redis check time, and of its memory above the no-client baseline';
  const ours = results.find((r) => r.fixture === 'redspec');
  const theirs = results.find((r) => r.fixture === 'node-redis');
  const base = results.find((r) => r.fixture === 'baseline');
  if (ours === undefined || theirs === undefined) return missing(name, goal, 'not measured');
  const time = ours.checkSeconds.median / theirs.checkSeconds.median;
  const memory = ours.memoryKb.median / theirs.memoryKb.median;
  const floor = base?.memoryKb.median ?? 0;
  const netMemory = (ours.memoryKb.median - floor) / (theirs.memoryKb.median - floor);
  const detail = `check time ${x(time)}, memory above the baseline ${x(netMemory)} (total ${x(memory)}), instantiations ${x(ours.instantiations / theirs.instantiations)}`;
  const value = Math.max(time, netMemory);
  return { name, goal, value, met: value <= 1 / 3, detail };
}

/** Every target of issue 17, met or not, with the ratio measured. */
export function evaluateTargets(
  workloads: readonly WorkloadResult[],
  typecheck: readonly TypecheckResult[],
): TargetResult[] {
  return [
    vsReference(workloads, 'pipeline-1000', 'Pipeline of 1000 vs redis-benchmark', 0.6),
    vsPeers(workloads, 'pipeline-1000', 'Pipeline of 1000 vs fastest peer', 2),
    vsReference(workloads, 'pipeline-100', 'Pipeline of 100 vs redis-benchmark', 0.5),
    vsReference(workloads, 'sequential-incr', 'Sequential INCR vs redis-benchmark', 0.9),
    sequentialVsMinimal(workloads),
    typedLayer(workloads, 100),
    typedLayer(workloads, 1000),
    rawVsMinimal(workloads, 100),
    rawVsMinimal(workloads, 1000),
    vsPeers(workloads, 'promise-all-get', 'Promise.all of 10k GET vs fastest peer', 1.2),
    vsPeers(
      workloads,
      'cluster-1000',
      'Cluster batch of 1000 vs fastest peer',
      2,
      'redspec-cluster',
    ),
    typecheckCost(typecheck),
  ];
}
