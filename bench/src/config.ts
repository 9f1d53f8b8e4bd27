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
  /**
   * `--quick` (or `BENCH_QUICK=1`): every part runs once, tiny, without waiting for a quiet
   * machine, to prove the harness works (CI). Its figures mean nothing; it writes `quick.*`.
   */
  readonly quick: boolean;
}

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`${name} must be a number ≥ 0, got ${raw}`);
  return value;
}

export function readBenchConfig(argv: readonly string[] = process.argv.slice(2)): BenchConfig {
  const only = process.env['BENCH_ONLY'];
  const quick = argv.includes('--quick') || process.env['BENCH_QUICK'] === '1';
  // Quick: one round, 1/50 of the iterations, no waiting for a quiet machine.
  return {
    rounds: Math.max(1, Math.round(numberFromEnv('BENCH_ROUNDS', quick ? 1 : 3))),
    scale: numberFromEnv('BENCH_SCALE', quick ? 0.02 : 1) || 1,
    quietMaxWaitMs: numberFromEnv('BENCH_QUIET_MAX_MS', quick ? 0 : 3_000),
    quietIdle: numberFromEnv('BENCH_QUIET_IDLE', 0.8),
    coldRuns: Math.max(1, Math.round(numberFromEnv('BENCH_COLD_RUNS', quick ? 1 : 5))),
    typecheckRuns: Math.max(1, Math.round(numberFromEnv('BENCH_TYPECHECK_RUNS', quick ? 1 : 3))),
    profileSeconds: numberFromEnv('BENCH_PROFILE_SECONDS', quick ? 1 : 6),
    skipCluster: process.env['BENCH_SKIP_CLUSTER'] === '1',
    only: only ? only.split(',').map((name) => name.trim()) : undefined,
    quick,
  };
}

/** The results' file name: `latest` for a full run, `partial` with BENCH_ONLY, `quick`. */
export function resultsName(config: BenchConfig): string {
  if (config.quick) return 'quick';
  return config.only === undefined ? 'latest' : 'partial';
}

/** Cores of this machine, for the report. */
export const CORES = availableParallelism();
