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
  readonly machine: QuietCheck;
}

export interface SubjectResult {
  readonly id: SubjectId;
  readonly label: string;
  readonly peer: boolean;
  readonly samples: readonly Sample[];
  /** Commands per second over the successful samples. */
  readonly opsPerSec: Spread;
  /** Median over the fastest peer's median (higher is faster). */
  readonly ratioToFastestPeer: number | undefined;
}

export interface WorkloadResult {
  readonly id: string;
  readonly title: string;
  /** Why it did not run. */
  readonly skipped?: string;
  readonly note?: string;
  readonly subjects: readonly SubjectResult[];
}

export interface ReferenceResult {
  readonly id: string;
  readonly title: string;
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
  readonly cpu: string;
  readonly cores: number;
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
  readonly references: readonly ReferenceResult[];
  readonly typecheck: readonly TypecheckResult[];
  readonly coldStart: readonly ColdStartResult[];
  readonly profile: PipelineProfile | { readonly error: string } | undefined;
  readonly targets: readonly TargetResult[];
  /** Share of samples that started on a quiet machine. */
  readonly quietShare: number;
  readonly wallSeconds: number;
}
