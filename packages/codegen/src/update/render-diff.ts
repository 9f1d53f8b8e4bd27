import type { ApiDiff, MethodChange, MethodEntry } from './diff-surfaces.js';

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** One sentence counting what changed, for the changeset's first line and the console. */
export function summarizeDiff(diff: ApiDiff): string {
  const parts = [
    diff.added.length > 0 ? `${plural(diff.added.length, 'method')} added` : '',
    diff.removed.length > 0 ? `${plural(diff.removed.length, 'method')} removed` : '',
    diff.changed.length > 0 ? `${plural(diff.changed.length, 'signature')} changed` : '',
    diff.deprecated.length > 0
      ? `${plural(diff.deprecated.length, 'method')} newly deprecated`
      : '',
  ].filter((part) => part !== '');
  return parts.length === 0 ? 'no API changes' : parts.join(', ');
}

function entryLine(entry: MethodEntry): string {
  const facts = [entry.since !== undefined ? `since ${entry.since}` : '', entry.deprecated ?? '']
    .filter((fact) => fact !== '')
    .join('; ');
  return `- \`${entry.method}\` (\`${entry.command}\`${facts === '' ? '' : `, ${facts}`})`;
}

// Only the lines that differ, as a diff block: a whole signature is too long to compare by eye.
function changeBlock(change: MethodChange): string[] {
  const after = new Set(change.after);
  const before = new Set(change.before);
  const kind = change.breaking ? 'breaking' : 'additive';
  return [
    `- \`${change.method}\` (\`${change.command}\`, ${kind})`,
    '',
    '  ```diff',
    ...change.before.filter((line) => !after.has(line)).map((line) => `  - ${line}`),
    ...change.after.filter((line) => !before.has(line)).map((line) => `  + ${line}`),
    '  ```',
    '',
  ];
}

/** The diff as Markdown, for the changeset body and the update command's output. */
export function renderDiff(diff: ApiDiff): string {
  const sections: string[] = [];
  if (diff.added.length > 0) {
    sections.push(`**Added (${diff.added.length})**\n\n${diff.added.map(entryLine).join('\n')}`);
  }
  if (diff.removed.length > 0) {
    sections.push(
      `**Removed (${diff.removed.length})**\n\n${diff.removed.map(entryLine).join('\n')}`,
    );
  }
  if (diff.changed.length > 0) {
    const blocks = diff.changed.flatMap(changeBlock);
    sections.push(`**Changed (${diff.changed.length})**\n\n${blocks.join('\n').trimEnd()}`);
  }
  if (diff.deprecated.length > 0) {
    const lines = diff.deprecated.map(
      (item) => `- \`${item.method}\` (\`${item.command}\`): ${item.note}`,
    );
    sections.push(`**Newly deprecated (${diff.deprecated.length})**\n\n${lines.join('\n')}`);
  }
  return sections.length === 0 ? 'No API changes.\n' : `${sections.join('\n\n')}\n`;
}
