import type { SubjectId } from './clients/subjects.js';
import type { ColdStart, ColdStartClient } from './cold-start.js';
import type { PipelineProfile } from './profile.js';
import type { QuietCheck } from './quiet-machine.js';
import type { Spread } from './stats.js';
import type { TypecheckFixture, TypecheckRun } from './typecheck.js';

/** One child process's measurement. */
export interface Sample {
  readonly round: number;
  /** Commands per second; absent when the sample failed. */
  readonly opsPerSec?: number;
  readonly error?: string;
  /** CPU µs of the client's process per command (absent for redis-benchmark). */
  readonly cpuUsPerOp?: number;
  /** Peak RSS of the client's process in MB (absent for redis-benchmark). */
  readonly peakRssMb?: number;
  readonly machine: QuietCheck;
}

/** One redis-benchmark run of a round: `opsPerSec` is the mix's rate (see `mixedRate`). */
export interface ReferenceSample extends Sample {
  /** Requests/s by test (`SET`, `GET`, `INCR`). */
  readonly rps: Readonly<Record<string, number>>;
}

export interface SubjectResult {
  readonly id: SubjectId;
  readonly label: string;
  readonly peer: boolean;
  readonly samples: readonly Sample[];
  /** Commands per second over the successful samples. */
  readonly opsPerSec: Spread;
  /** CPU µs per command in the client's process. */
  readonly cpuUsPerOp: Spread;
  /** Peak RSS of the client's process, MB. */
  readonly peakRssMb: Spread;
  /**
   * Per round, this subject's rate over the fastest peer's in that round; the spread of those
   * ratios (higher is faster). Undefined without a peer.
   */
  readonly ratioToFastestPeer: Spread | undefined;
  /** Per round, this subject's rate over redis-benchmark's in that round. */
  readonly ratioToReference: Spread | undefined;
}

export interface WorkloadResult {
  readonly id: string;
  readonly title: string;
  /** Why it did not run. */
  readonly skipped?: string;
  readonly note?: string;
  readonly subjects: readonly SubjectResult[];
  /** redis-benchmark on the same commands, sampled in the same rounds. */
  readonly reference?: ReferenceResult;
}

export interface ReferenceResult {
  readonly title: string;
  readonly samples: readonly ReferenceSample[];
  /** The mix's rate (harmonic mean of the tests) over the rounds. */
  readonly opsPerSec: Spread;
  /** Requests per second by test (`INCR`, `SET`, `GET`) over the rounds. */
  readonly rps: Readonly<Record<string, Spread>>;
}

export interface TypecheckResult {
  readonly fixture: TypecheckFixture;
  readonly runs: readonly TypecheckRun[];
  readonly checkSeconds: Spread;
  readonly memoryKb: Spread;
  readonly instantiations: number;
  readonly types: number;
}

export interface ColdStartResult {
  readonly client: ColdStartClient;
  readonly runs: readonly ColdStart[];
  readonly firstReplyMs: Spread;
  readonly importMs: Spread;
}

export interface TargetResult {
  readonly name: string;
  readonly goal: string;
  /** The measured ratio, in the goal's direction. */
  readonly value: number | undefined;
  readonly met: boolean | undefined;
  readonly detail: string;
}

export interface Environment {
  readonly date: string;
  readonly node: string;
  readonly redisServer: string;
  readonly redisBenchmark: string;
  readonly cpu: string;
  readonly cores: number;
  /** 1, 5 and 15-minute load averages when the run started, and when it ended. */
  readonly loadAtStart: readonly number[];
  readonly loadAtEnd?: readonly number[];
  readonly quick: boolean;
  readonly rounds: number;
  readonly scale: number;
  readonly quiet: { readonly minIdle: number; readonly maxWaitMs: number };
  /** Installed versions of the benchmarked packages. */
  readonly packages: Readonly<Record<string, string>>;
}

/** Everything `latest.json` holds. */
export interface BenchResults {
  readonly environment: Environment;
  readonly workloads: readonly WorkloadResult[];
  readonly typecheck: readonly TypecheckResult[];
  readonly coldStart: readonly ColdStartResult[];
  readonly profile: PipelineProfile | { readonly error: string } | undefined;
  readonly targets: readonly TargetResult[];
  /** Share of samples that started on a quiet machine. */
  readonly quietShare: number;
  readonly wallSeconds: number;
}

/** `workload · subject: error` for every sample (redis-benchmark's included) that failed. */
export function failedSamples(results: BenchResults): string[] {
  return results.workloads.flatMap((workload) => [
    ...workload.subjects.flatMap((subject) =>
      subject.samples.flatMap((s) =>
        s.error === undefined ? [] : [`${workload.id} · ${subject.id}: ${s.error}`],
      ),
    ),
    ...(workload.reference?.samples ?? []).flatMap((s) =>
      s.error === undefined ? [] : [`${workload.id} · redis-benchmark: ${s.error}`],
    ),
  ]);
}
