import type { ClientAdapter, MixedCommand } from '../clients/client-adapter.js';
import type { SubjectId } from '../clients/subjects.js';
import type { ReferenceRun } from '../redis-benchmark.js';

/** One timed task, run by each of its subjects in its own process. */
export interface Workload {
  readonly id: string;
  readonly title: string;
  readonly endpoint: 'standalone' | 'cluster';
  /** Subjects in table order; Redspec's main one first. */
  readonly subjects: readonly SubjectId[];
  /** Redis commands per iteration, for commands/s. */
  readonly opsPerIteration: number;
  /** Timed iterations at `BENCH_SCALE=1`. */
  readonly iterations: number;
  /** Untimed iterations first, so the JIT and the connection settle. */
  readonly warmup: number;
  /**
   * The same commands from `redis-benchmark -c 1`, run as one more subject of each round (so
   * it drifts with the machine like the clients do); ratios to it are taken round by round.
   */
  readonly reference?: ReferenceRun;
  /** Why the workload cannot run against this build, if it cannot. */
  skipReason?(): string | undefined;
  /** One iteration; throws when the replies are not what the commands should give. */
  run(adapter: ClientAdapter): Promise<void>;
}

/** Keys the orchestrator fills before the rounds (GET finds 32-byte values). */
export const SEEDED_KEYS = 10_000;
export const seededKey = (i: number): string => `bench:key:${i % SEEDED_KEYS}`;
export const SEED_VALUE = 'v'.repeat(32);

/** `size` commands cycling SET, GET, INCR; INCR uses its own keys so it never hits a string. */
export function mixedCommands(size: number, prefix = 'bench'): MixedCommand[] {
  return Array.from({ length: size }, (_, i): MixedCommand => {
    const kind = i % 3;
    if (kind === 0) return ['set', `${prefix}:key:${i}`, SEED_VALUE];
    if (kind === 1) return ['get', `${prefix}:key:${i - 1}`];
    return ['incr', `${prefix}:counter:${i}`];
  });
}

export function expectLength(replies: readonly unknown[], length: number, what: string): void {
  if (replies.length !== length) {
    throw new Error(`${what}: expected ${length} replies, got ${replies.length}`);
  }
}
