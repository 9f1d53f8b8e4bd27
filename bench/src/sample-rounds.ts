import type { Endpoint } from './clients/client-adapter.js';
import type { SubjectId } from './clients/subjects.js';
import type { BenchConfig } from './config.js';
import { waitForQuiet, type QuietCheck } from './quiet-machine.js';
import { mixedRate, runReference } from './redis-benchmark.js';
import type { ReferenceSample, Sample } from './results.js';
import { lastJsonLine, runTsChild } from './run-child.js';
import type { WorkerReply } from './worker-reply.js';
import type { Workload } from './workloads/workload.js';

/** A workload ready to sample: where its subjects connect. */
export interface PlannedWorkload {
  readonly workload: Workload;
  readonly endpoint: Endpoint;
}

/** Samples by workload id, then subject id; reference samples by workload id. */
export interface RoundSamples {
  readonly samples: Map<string, Map<SubjectId, Sample[]>>;
  readonly references: Map<string, ReferenceSample[]>;
}

/** The reference's slot among a workload's subjects in the rotation. */
const REFERENCE = 'redis-benchmark' as const;
type Runner = SubjectId | typeof REFERENCE;

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

const rate = (n: number): string => `${Math.round(n).toLocaleString('en-US')} cmd/s`;

/** One redis-benchmark sample of `planned`'s reference; a failure is recorded, not thrown. */
async function referenceSample(
  planned: PlannedWorkload,
  url: string,
  config: BenchConfig,
  round: number,
  machine: QuietCheck,
): Promise<ReferenceSample> {
  try {
    const rps = await runReference(planned.workload.reference!, url, config.scale);
    return { round, opsPerSec: mixedRate(rps), rps, machine };
  } catch (error) {
    return { round, error: String(error), rps: {}, machine };
  }
}

function append<TKey, TValue>(map: Map<TKey, TValue[]>, key: TKey, value: TValue): void {
  map.set(key, [...(map.get(key) ?? []), value]);
}

/**
 * Runs every round: each workload with its subjects, and its redis-benchmark reference as one
 * more subject, interleaved (A B C R, then B C R A, …), each sample in a fresh process after a
 * quiet check. Per-round ratios (summarize.ts) compare samples taken minutes apart at most.
 */
export async function sampleRounds(
  config: BenchConfig,
  planned: readonly PlannedWorkload[],
  /** The server redis-benchmark measures; undefined skips the references. */
  referenceUrl: string | undefined,
): Promise<RoundSamples> {
  const samples = new Map<string, Map<SubjectId, Sample[]>>();
  const references = new Map<string, ReferenceSample[]>();
  for (let round = 1; round <= config.rounds; round++) {
    for (const item of planned) {
      const bySubject = samples.get(item.workload.id) ?? new Map<SubjectId, Sample[]>();
      samples.set(item.workload.id, bySubject);
      const withReference = item.workload.reference !== undefined && referenceUrl !== undefined;
      const runners: Runner[] = [...item.workload.subjects, ...(withReference ? [REFERENCE] : [])];
      for (const runner of rotate(runners, round - 1)) {
        const machine = await waitForQuiet(config.quietIdle, config.quietMaxWaitMs);
        const prefix = `[round ${round}/${config.rounds}] ${item.workload.id} · ${runner}`;
        const idle = `(idle ${machine.idle.toFixed(2)})`;
        if (runner === REFERENCE) {
          const result = await referenceSample(item, referenceUrl!, config, round, machine);
          append(references, item.workload.id, result);
          log(
            `${prefix}: ${result.error ?? rate(result.opsPerSec!)} ${JSON.stringify(result.rps)} ${idle}`,
          );
          continue;
        }
        const reply = await sample(item, runner, config);
        const result: Sample = reply.ok
          ? {
              round,
              opsPerSec: reply.opsPerSec,
              cpuUsPerOp: reply.cpuUsPerOp,
              peakRssMb: reply.peakRssMb,
              machine,
            }
          : { round, error: reply.error, machine };
        append(bySubject, runner, result);
        log(`${prefix}: ${reply.ok ? rate(reply.opsPerSec) : `FAILED ${reply.error}`} ${idle}`);
      }
    }
  }
  return { samples, references };
}
