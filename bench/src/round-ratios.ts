import type { Sample } from './results.js';
import { spread, type Spread } from './stats.js';

/** Commands/s by round, from the samples that succeeded. */
export function byRound(samples: readonly Sample[]): Map<number, number> {
  const rates = new Map<number, number>();
  for (const sample of samples) {
    if (sample.opsPerSec !== undefined && Number.isFinite(sample.opsPerSec)) {
      rates.set(sample.round, sample.opsPerSec);
    }
  }
  return rates;
}

/** The fastest of several subjects in each round. */
export function fastestByRound(subjects: readonly Map<number, number>[]): Map<number, number> {
  const fastest = new Map<number, number>();
  for (const rates of subjects) {
    for (const [round, rate] of rates) fastest.set(round, Math.max(rate, fastest.get(round) ?? 0));
  }
  return fastest;
}

/**
 * `ours / theirs` in every round both measured, as median and min–max. A shared machine drifts
 * over minutes (the same reference has swung 2× within an hour), so a ratio of two samples from
 * one round is steadier than the ratio of two medians taken over the whole run.
 */
export function roundRatios(
  ours: ReadonlyMap<number, number>,
  theirs: ReadonlyMap<number, number>,
): Spread | undefined {
  const ratios: number[] = [];
  for (const [round, rate] of ours) {
    const other = theirs.get(round);
    if (other !== undefined && other > 0) ratios.push(rate / other);
  }
  return ratios.length === 0 ? undefined : spread(ratios);
}
