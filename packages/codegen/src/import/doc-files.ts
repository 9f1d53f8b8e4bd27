import type { CommandDocs, SpecSource } from '../model/spec-types.js';
import { PROSE_LICENSES } from './merge-prose.js';

/** `CLIENT KILL` → `docs/client-kill.json`, beside `commands/client-kill.json`. */
export function docFilePath(name: string): string {
  return `docs/${name.toLowerCase().replaceAll(' ', '-')}.json`;
}

const toJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

function readme(sources: readonly SpecSource[]): string {
  const used = sources.filter(
    (source) => source.license !== undefined && PROSE_LICENSES.has(source.license),
  );
  const list = used.map((source) => `- \`${source.id}\` (${source.license})`).join('\n');
  return [
    '# Command prose',
    '',
    'Written by `redspec-codegen import`; do not edit. One file per command: the summary, time',
    "complexity and reply descriptions of upstream's `src/commands/*.json`, each with the id of",
    'the source it was taken from. Facts (arguments, flags, versions, reply schemas) live in',
    '`../commands/`; this folder holds prose only, and only from sources whose license allows it:',
    '',
    list || '- (none)',
    '',
    'The generator puts it in the JSDoc of `packages/types/src/generated/`; `NOTICE` at the',
    'repository root attributes it.',
    '',
  ].join('\n');
}

/** The `docs/` files of an import: one JSON file per command with prose, and a README. */
export function renderDocFiles(
  docs: readonly CommandDocs[],
  sources: readonly SpecSource[],
): Map<string, string> {
  const files = new Map<string, string>([['docs/README.md', readme(sources)]]);
  for (const entry of docs) {
    const ordered: CommandDocs = { name: entry.name };
    if (entry.summary !== undefined) ordered.summary = entry.summary;
    if (entry.complexity !== undefined) ordered.complexity = entry.complexity;
    if (entry.replies !== undefined) ordered.replies = entry.replies;
    files.set(docFilePath(entry.name), toJson(ordered));
  }
  return files;
}
