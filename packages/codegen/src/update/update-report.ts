import { renderDiff, summarizeDiff } from './render-diff.js';
import { renderReplyWarning } from './reply-warnings.js';
import type { UpdateResult } from './update-specs.js';
import { renderValkeyDiff } from './valkey-diff.js';

/** What `redspec update` prints after the summary line: diff, decisions, warnings, files. */
export function renderUpdateReport(
  result: UpdateResult,
  { dryRun, where }: { dryRun: boolean; where: (path: string) => string },
): string {
  const would = (done: string, planned: string): string => (dryRun ? planned : done);
  const lines = result.notes.map((note) => `note: ${note}`);
  lines.push(
    `API: ${summarizeDiff(result.diff)}\n\n${renderDiff(result.diff)}${renderValkeyDiff(result.valkeyDiff)}`,
  );
  for (const reshape of result.reshapes) {
    lines.push(
      `kept: ${reshape.command}: ${reshape.source} regroups its arguments with the same tokens ` +
        `as ${reshape.previous}; the previous shape stays, so calls that compiled still do ` +
        `(recorded as keepShapes in specs/sources.json; remove it there and update again to ` +
        `adopt the new shape, a breaking change)`,
    );
  }
  for (const move of result.optionMoves) {
    lines.push(
      `kept: ${move.command}: the new optional \`${move.argument}\` goes in ${move.method}'s options ` +
        `rather than in front of them (asOption in specs/overlay/${[...result.overlayFiles.keys()].join(', ')})`,
    );
  }
  lines.push(...result.warnings.map(renderReplyWarning));
  lines.push(`specs/: ${result.specChanges.length} files ${would('changed', 'would change')}`);
  if (result.replaced.length > 0) {
    lines.push(
      `${would('replaced', 'would replace')} ${result.replaced.map((name) => `.changeset/${name}`).join(', ')}`,
    );
  }
  if (result.changeset === undefined) lines.push('no API changes since the release: no changeset');
  else if (dryRun)
    lines.push(`dry run: would write ${where(result.changeset.path)}:\n\n${result.changeset.text}`);
  else lines.push(`wrote ${where(result.changeset.path)} (${result.bump})`);
  return lines.join('\n');
}
