import type { ProfileEntry } from './profile-summary.js';

/** The profile's top functions as a markdown table. */
export function profileTable(entries: readonly ProfileEntry[]): string {
  const rows = entries.map(
    (entry, i) =>
      `| ${i + 1} | \`${entry.functionName}\` | ${entry.location || '—'} | ${entry.selfMs.toFixed(1)} | ${(entry.share * 100).toFixed(1)}% |`,
  );
  return [
    '| # | function | location | self ms | share of busy |',
    '| -: | --- | --- | -: | -: |',
    ...rows,
  ].join('\n');
}
