import { cpus, loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

/** What the machine looked like when a sample started. */
export interface QuietCheck {
  /** Whether the idle fraction reached the threshold before the wait ran out. */
  readonly quiet: boolean;
  /** Idle fraction of all cores over the last probe (0–1). */
  readonly idle: number;
  /** 1-minute load average (lags; for the report only). */
  readonly load1: number;
  readonly waitedMs: number;
}

const PROBE_MS = 200;

function cpuTimes(): { idle: number; total: number } {
  let idle = 0;
  let total = 0;
  for (const { times } of cpus()) {
    idle += times.idle;
    total += times.idle + times.user + times.nice + times.sys + times.irq;
  }
  return { idle, total };
}

/** Idle fraction of all cores over `ms`. */
export async function probeIdle(ms = PROBE_MS): Promise<number> {
  const before = cpuTimes();
  await sleep(ms);
  const after = cpuTimes();
  const total = after.total - before.total;
  return total <= 0 ? 1 : (after.idle - before.idle) / total;
}

/**
 * Waits, at most `maxWaitMs`, until the cores are at least `minIdle` idle over a short probe.
 * The machine is shared (other builds and tests run beside the bench), so the wait is bounded
 * and the sample records whether it started quiet instead of waiting forever.
 */
export async function waitForQuiet(minIdle: number, maxWaitMs: number): Promise<QuietCheck> {
  const started = performance.now();
  let idle = await probeIdle();
  while (idle < minIdle && performance.now() - started < maxWaitMs) idle = await probeIdle();
  const waitedMs = Math.round(performance.now() - started);
  return { quiet: idle >= minIdle, idle, load1: loadavg()[0] ?? 0, waitedMs };
}
