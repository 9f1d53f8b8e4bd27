import { SUBJECTS, type SubjectId } from './clients/subjects.js';
import type {
  ReferenceResult,
  ReferenceSample,
  Sample,
  SubjectResult,
  WorkloadResult,
} from './results.js';
import { byRound, fastestByRound, roundRatios } from './round-ratios.js';
import type { RoundSamples } from './sample-rounds.js';
import { spread } from './stats.js';
import type { Workload } from './workloads/workload.js';

/** A workload as planned: run, or skipped with a reason; `note` says how it ran. */
export interface WorkloadPlan {
  readonly workload: Workload;
  readonly skipped?: string;
  readonly note?: string;
}

const values = (samples: readonly Sample[], pick: (sample: Sample) => number | undefined) =>
  samples.flatMap((sample) => {
    const value = pick(sample);
    return value === undefined ? [] : [value];
  });

function referenceResult(workload: Workload, samples: readonly ReferenceSample[]): ReferenceResult {
  const tests = [...new Set(samples.flatMap((sample) => Object.keys(sample.rps)))];
  const rps = Object.fromEntries(
    tests.map((test) => [test, spread(samples.flatMap((sample) => sample.rps[test] ?? []))]),
  );
  const title = workload.reference?.title ?? 'redis-benchmark';
  return { title, samples, opsPerSec: spread(values(samples, (s) => s.opsPerSec)), rps };
}

/**
 * Each subject's commands/s and CPU per command, and its ratios to the fastest peer and to
 * redis-benchmark, each the median (and range) of per-round ratios.
 */
export function summarizeWorkload(plan: WorkloadPlan, rounds: RoundSamples): WorkloadResult {
  const { workload, skipped, note } = plan;
  const head = { id: workload.id, title: workload.title, ...(note ? { note } : {}) };
  if (skipped !== undefined) return { ...head, skipped, subjects: [] };
  const bySubject = rounds.samples.get(workload.id);
  const samplesOf = (id: SubjectId): Sample[] => bySubject?.get(id) ?? [];
  const peers = workload.subjects.filter((id) => SUBJECTS[id].peer);
  const fastestPeer = fastestByRound(peers.map((id) => byRound(samplesOf(id))));
  const referenceSamples = rounds.references.get(workload.id) ?? [];
  const reference = byRound(referenceSamples);
  const subjects = workload.subjects.map((id): SubjectResult => {
    const samples = samplesOf(id);
    const rates = byRound(samples);
    return {
      id,
      label: SUBJECTS[id].label,
      peer: SUBJECTS[id].peer,
      samples,
      opsPerSec: spread(values(samples, (s) => s.opsPerSec)),
      cpuUsPerOp: spread(values(samples, (s) => s.cpuUsPerOp)),
      peakRssMb: spread(values(samples, (s) => s.peakRssMb)),
      ratioToFastestPeer: roundRatios(rates, fastestPeer),
      ratioToReference: roundRatios(rates, reference),
    };
  });
  const withReference =
    referenceSamples.length > 0 ? { reference: referenceResult(workload, referenceSamples) } : {};
  return { ...head, subjects, ...withReference };
}

/** Share of all samples that started with the machine quiet. */
export function quietShare(rounds: RoundSamples): number {
  const all = [
    ...[...rounds.samples.values()].flatMap((bySubject) => [...bySubject.values()].flat()),
    ...[...rounds.references.values()].flat(),
  ];
  return all.length === 0 ? 1 : all.filter((sample) => sample.machine.quiet).length / all.length;
}
