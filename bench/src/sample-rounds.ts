import type { Endpoint } from './clients/client-adapter.js';
import type { SubjectId } from './clients/subjects.js';
import type { BenchConfig } from './config.js';
import { waitForQuiet } from './quiet-machine.js';
import { REFERENCE_RUNS, runReference } from './redis-benchmark.js';
import type { Sample } from './results.js';
import { lastJsonLine, runTsChild } from './run-child.js';
import type { WorkerReply } from './worker-reply.js';
import type { Workload } from './workloads/workload.js';

/** A workload ready to sample: where its subjects connect. */
export interface PlannedWorkload {
  readonly workload: Workload;
  readonly endpoint: Endpoint;
}

/** Samples by workload id, then subject id; reference runs by reference id. */
export interface RoundSamples {
  readonly samples: Map<string, Map<SubjectId, Sample[]>>;
  readonly references: Map<string, Record<string, number>[]>;
}

async function sample(planned: PlannedWorkload, subject: SubjectId, config: BenchConfig) {
  const args = [
    planned.workload.id,
    subject,
    JSON.stringify(planned.endpoint),
    String(config.scale),
  ];
  const output = await runTsChild('src/worker.ts', args);
  const reply = lastJsonLine(output.stdout) as WorkerReply | undefined;
  if (reply === undefined) {
    return {
      ok: false,
      error: `exit ${output.code}: ${output.stderr.trim().slice(-300)}`,
    } as const;
  }
  return reply;
}

/** `items` rotated left by `by`, so no subject always runs first. */
function rotate<T>(items: readonly T[], by: number): T[] {
  const shift = by % Math.max(1, items.length);
  return [...items.slice(shift), ...items.slice(0, shift)];
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** One round of the redis-benchmark references. */
async function referenceRound(
  config: BenchConfig,
  url: string,
  round: number,
  references: Map<string, Record<string, number>[]>,
): Promise<void> {
  for (const reference of REFERENCE_RUNS) {
    await waitForQuiet(config.quietIdle, config.quietMaxWaitMs);
    const rps = await runReference(reference, url);
    references.set(reference.id, [...(references.get(reference.id) ?? []), rps]);
    log(`[round ${round}/${config.rounds}] ${reference.id}: ${JSON.stringify(rps)}`);
  }
}

/**
 * Runs every round: the redis-benchmark references, then each workload with its subjects
 * interleaved (A B C, then B C A, …), each sample in a fresh process after a quiet check.
 */
export async function sampleRounds(
  config: BenchConfig,
  planned: readonly PlannedWorkload[],
  /** The server redis-benchmark measures; undefined skips the references. */
  referenceUrl: string | undefined,
): Promise<RoundSamples> {
  const samples = new Map<string, Map<SubjectId, Sample[]>>();
  const references = new Map<string, Record<string, number>[]>();
  for (let round = 1; round <= config.rounds; round++) {
    if (referenceUrl !== undefined) await referenceRound(config, referenceUrl, round, references);
    for (const item of planned) {
      const bySubject = samples.get(item.workload.id) ?? new Map<SubjectId, Sample[]>();
      samples.set(item.workload.id, bySubject);
      for (const subject of rotate(item.workload.subjects, round - 1)) {
        const machine = await waitForQuiet(config.quietIdle, config.quietMaxWaitMs);
        const reply = await sample(item, subject, config);
        const result: Sample = reply.ok
          ? { round, opsPerSec: reply.opsPerSec, machine }
          : { round, error: reply.error, machine };
        bySubject.set(subject, [...(bySubject.get(subject) ?? []), result]);
        const shown = reply.ok
          ? `${Math.round(reply.opsPerSec).toLocaleString('en-US')} cmd/s`
          : `FAILED ${reply.error}`;
        log(
          `[round ${round}/${config.rounds}] ${item.workload.id} · ${subject}: ${shown} (idle ${machine.idle.toFixed(2)})`,
        );
      }
    }
  }
  return { samples, references };
}
