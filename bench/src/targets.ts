import type { SubjectId } from './clients/subjects.js';
import type { ReferenceResult, TargetResult, TypecheckResult, WorkloadResult } from './results.js';

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const x = (n: number): string => `${n.toFixed(2)}×`;

function median(
  workloads: readonly WorkloadResult[],
  id: string,
  subject: SubjectId,
): number | undefined {
  const found = workloads.find((w) => w.id === id)?.subjects.find((s) => s.id === subject);
  return found && found.opsPerSec.n > 0 ? found.opsPerSec.median : undefined;
}

function missing(name: string, goal: string, why: string): TargetResult {
  return { name, goal, value: undefined, met: undefined, detail: why };
}

/** Redspec's main subject against the fastest peer of workload `id`. */
function vsPeers(
  workloads: readonly WorkloadResult[],
  id: string,
  name: string,
  min: number,
): TargetResult {
  const goal = `≥ ${min}× the fastest peer`;
  const workload = workloads.find((w) => w.id === id);
  const ours = workload?.subjects.find((s) => s.id === 'redspec');
  const peers = workload?.subjects.filter((s) => s.peer && s.opsPerSec.n > 0) ?? [];
  const fastest = peers.sort((a, b) => b.opsPerSec.median - a.opsPerSec.median)[0];
  if (ours?.ratioToFastestPeer === undefined || fastest === undefined)
    return missing(name, goal, 'not measured');
  const value = ours.ratioToFastestPeer;
  const detail = `Redspec ${fmt(ours.opsPerSec.median)} cmd/s vs ${fastest.label} ${fmt(fastest.opsPerSec.median)} cmd/s`;
  return { name, goal, value, met: value >= min, detail };
}

function vsRedisBenchmark(
  workloads: readonly WorkloadResult[],
  references: readonly ReferenceResult[],
): TargetResult {
  const name = 'Sequential INCR vs redis-benchmark -c 1 -P 1';
  const goal = '≥ 0.9× redis-benchmark';
  const ours = median(workloads, 'sequential-incr', 'redspec');
  const limit = references.find((r) => r.id === 'rb-incr-c1-p1')?.rps['INCR']?.median;
  if (ours === undefined || limit === undefined) return missing(name, goal, 'not measured');
  const value = ours / limit;
  return {
    name,
    goal,
    value,
    met: value >= 0.9,
    detail: `Redspec ${fmt(ours)}/s vs redis-benchmark ${fmt(limit)}/s`,
  };
}

const TYPED_MODES: readonly SubjectId[] = [
  'redspec',
  'redspec-future-result',
  'redspec-await-future',
];

function typedLayer(workloads: readonly WorkloadResult[], size: number): TargetResult {
  const id = `pipeline-${size}`;
  const name = `Typed layer cost, pipeline of ${size} (execute → results vs sendBatch)`;
  const goal = '≤ 10% slower than raw (ratio ≥ 0.90)';
  const raw = median(workloads, id, 'redspec-raw');
  const typed = median(workloads, id, 'redspec');
  if (raw === undefined || typed === undefined) return missing(name, goal, 'not measured');
  const modes = TYPED_MODES.map((mode) => {
    const rate = median(workloads, id, mode);
    return rate === undefined ? `${mode}: —` : `${mode} ${x(rate / raw)}`;
  });
  return { name, goal, value: typed / raw, met: typed / raw >= 0.9, detail: modes.join(', ') };
}

function typecheckCost(results: readonly TypecheckResult[]): TargetResult {
  const name = 'Typecheck of the sample app vs node-redis';
  const goal = '≤ 1/3 of node-redis check time and memory';
  const ours = results.find((r) => r.fixture === 'redspec');
  const theirs = results.find((r) => r.fixture === 'node-redis');
  const base = results.find((r) => r.fixture === 'baseline');
  if (ours === undefined || theirs === undefined) return missing(name, goal, 'not measured');
  const time = ours.checkSeconds.median / theirs.checkSeconds.median;
  const memory = ours.memoryKb.median / theirs.memoryKb.median;
  const floor = base?.memoryKb.median ?? 0;
  const netMemory = (ours.memoryKb.median - floor) / (theirs.memoryKb.median - floor);
  const detail = `check time ${x(time)}, memory ${x(memory)} (${x(netMemory)} above the no-client baseline), instantiations ${x(ours.instantiations / theirs.instantiations)}`;
  const value = Math.max(time, memory);
  return { name, goal, value, met: value <= 1 / 3, detail };
}

/** Every target of the issue, met or not, with the ratio measured. */
export function evaluateTargets(
  workloads: readonly WorkloadResult[],
  references: readonly ReferenceResult[],
  typecheck: readonly TypecheckResult[],
): TargetResult[] {
  return [
    vsPeers(workloads, 'pipeline-1000', 'Pipeline of 1000 vs fastest peer', 1.5),
    vsPeers(workloads, 'promise-all-get', 'Promise.all of 10k GET vs fastest peer', 1.2),
    vsRedisBenchmark(workloads, references),
    typedLayer(workloads, 100),
    typedLayer(workloads, 1000),
    typecheckCost(typecheck),
  ];
}
