import { availableParallelism } from 'node:os';

/** Settings of one `pnpm bench` run, from the environment. */
export interface BenchConfig {
  /** Rounds of every (workload, subject) pair; one child process per pair per round. */
  readonly rounds: number;
  /** Multiplies every workload's iteration count (0.2 for a smoke run). */
  readonly scale: number;
  /** Longest wait for a quiet machine before a sample, in ms. */
  readonly quietMaxWaitMs: number;
  /** CPU idle fraction (0–1, all cores) that counts as quiet. */
  readonly quietIdle: number;
  /** Cold starts per client. */
  readonly coldRuns: number;
  /** `tsc` runs per typecheck fixture. */
  readonly typecheckRuns: number;
  /** Seconds of profiling of Redspec pipelines of 1000 (0 skips the profile). */
  readonly profileSeconds: number;
  /** Skips the cluster workload (and starting a cluster). */
  readonly skipCluster: boolean;
  /** Only these workloads (comma-separated `BENCH_ONLY`), or all. */
  readonly only: readonly string[] | undefined;
}

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`${name} must be a number ≥ 0, got ${raw}`);
  return value;
}

export function readBenchConfig(): BenchConfig {
  const only = process.env['BENCH_ONLY'];
  return {
    rounds: Math.max(1, Math.round(numberFromEnv('BENCH_ROUNDS', 3))),
    scale: numberFromEnv('BENCH_SCALE', 1) || 1,
    quietMaxWaitMs: numberFromEnv('BENCH_QUIET_MAX_MS', 3_000),
    quietIdle: numberFromEnv('BENCH_QUIET_IDLE', 0.8),
    coldRuns: Math.max(1, Math.round(numberFromEnv('BENCH_COLD_RUNS', 5))),
    typecheckRuns: Math.max(1, Math.round(numberFromEnv('BENCH_TYPECHECK_RUNS', 3))),
    profileSeconds: numberFromEnv('BENCH_PROFILE_SECONDS', 6),
    skipCluster: process.env['BENCH_SKIP_CLUSTER'] === '1',
    only: only ? only.split(',').map((name) => name.trim()) : undefined,
  };
}

/** Cores of this machine, for the report. */
export const CORES = availableParallelism();
