import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** What one upstream command record says in prose (never written to `specs/commands/`). */
export interface CommandProse {
  summary?: string;
  complexity?: string;
  replies?: string[];
}

interface UpstreamProse {
  container?: string;
  summary?: unknown;
  complexity?: unknown;
  reply_schema?: unknown;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** The reply's own description, then those of its direct alternatives (SET: one per case). */
function replyDescriptions(schema: unknown): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const node = schema as Record<string, unknown>;
  const own = text(node.description);
  const alternatives = [node.oneOf, node.anyOf].flatMap((list) =>
    Array.isArray(list) ? list : [],
  );
  const nested = alternatives.flatMap((alternative) => {
    const description =
      typeof alternative === 'object' && alternative !== null
        ? text((alternative as Record<string, unknown>).description)
        : undefined;
    return description === undefined ? [] : [description];
  });
  return [...(own === undefined ? [] : [own]), ...nested];
}

/**
 * Reads the prose of every command in one upstream `src/commands` folder, by command name
 * (`CLIENT KILL`), in file-name order. Kept apart from `loadSource`, which reads facts only:
 * whether prose may be used at all is decided later, by the source's license.
 */
export async function readProse(dir: string): Promise<Map<string, CommandProse>> {
  const folder = resolve(dir);
  const files = (await readdir(folder)).filter((file) => file.endsWith('.json')).sort();
  const prose = new Map<string, CommandProse>();
  for (const file of files) {
    const parsed = JSON.parse(await readFile(join(folder, file), 'utf8')) as Record<
      string,
      UpstreamProse
    >;
    for (const [key, raw] of Object.entries(parsed)) {
      const name = raw.container === undefined ? key : `${raw.container} ${key}`;
      const replies = replyDescriptions(raw.reply_schema);
      const entry: CommandProse = {};
      const summary = text(raw.summary);
      const complexity = text(raw.complexity);
      if (summary !== undefined) entry.summary = summary;
      if (complexity !== undefined) entry.complexity = complexity;
      if (replies.length > 0) entry.replies = replies;
      prose.set(name, entry);
    }
  }
  return prose;
}
