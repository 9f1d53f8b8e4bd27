import { SUBJECTS, type SubjectId } from './clients/subjects.js';
import { REFERENCE_RUNS } from './redis-benchmark.js';
import type { ReferenceResult, Sample, SubjectResult, WorkloadResult } from './results.js';
import type { RoundSamples } from './sample-rounds.js';
import { spread } from './stats.js';
import type { Workload } from './workloads/workload.js';

/** A workload as planned: run, or skipped with a reason; `note` says how it ran. */
export interface WorkloadPlan {
  readonly workload: Workload;
  readonly skipped?: string;
  readonly note?: string;
}

function subjectResult(
  id: SubjectId,
  samples: readonly Sample[],
): Omit<SubjectResult, 'ratioToFastestPeer'> {
  const rates = samples.flatMap((sample) =>
    sample.opsPerSec === undefined ? [] : [sample.opsPerSec],
  );
  const { label, peer } = SUBJECTS[id];
  return { id, label, peer, samples, opsPerSec: spread(rates) };
}

/** Each subject's median commands/s and its ratio to the fastest peer's median. */
export function summarizeWorkload(plan: WorkloadPlan, rounds: RoundSamples): WorkloadResult {
  const { workload, skipped, note } = plan;
  const head = { id: workload.id, title: workload.title, ...(note ? { note } : {}) };
  if (skipped !== undefined) return { ...head, skipped, subjects: [] };
  const bySubject = rounds.samples.get(workload.id);
  const partial = workload.subjects.map((id) => subjectResult(id, bySubject?.get(id) ?? []));
  const peers = partial.filter((subject) => subject.peer && subject.opsPerSec.n > 0);
  const fastest = Math.max(...peers.map((subject) => subject.opsPerSec.median));
  const subjects = partial.map((subject) => ({
    ...subject,
    ratioToFastestPeer:
      peers.length > 0 && subject.opsPerSec.n > 0 ? subject.opsPerSec.median / fastest : undefined,
  }));
  return { ...head, subjects };
}

/** Median requests/s of each redis-benchmark test over the rounds. */
export function summarizeReferences(rounds: RoundSamples): ReferenceResult[] {
  return REFERENCE_RUNS.map(({ id, title }) => {
    const runs = rounds.references.get(id) ?? [];
    const tests = [...new Set(runs.flatMap((run) => Object.keys(run)))];
    const rps = Object.fromEntries(
      tests.map((test) => [test, spread(runs.flatMap((run) => run[test] ?? []))]),
    );
    return { id, title, rps };
  });
}

/** Share of all samples that started with the machine quiet. */
export function quietShare(rounds: RoundSamples): number {
  const all = [...rounds.samples.values()].flatMap((bySubject) => [...bySubject.values()].flat());
  return all.length === 0 ? 1 : all.filter((sample) => sample.machine.quiet).length / all.length;
}
