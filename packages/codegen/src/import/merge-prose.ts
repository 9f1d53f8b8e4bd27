import type { CommandDocs, DocText, SpecCommand, SpecSource } from '../model/spec-types.js';
import type { CommandProse } from './read-prose.js';

/**
 * Licenses whose prose we may ship, attributed in NOTICE. Redis 7.4 and later are under RSALv2
 * or SSPLv1 (see the sources' LICENSE-NOTE.md): none of their text may reach our output, so a
 * source whose license is unknown gives none either.
 */
export const PROSE_LICENSES: ReadonlySet<string> = new Set(['BSD-3-Clause']);

/** One imported folder's prose, with the provenance that decides whether it may be used. */
export interface ProseSource {
  info: SpecSource;
  prose: ReadonlyMap<string, CommandProse>;
}

/**
 * Where a command's prose is read from: the sources whose license allows it and that have the
 * command, the newest of the command's own lineage first (redis 7.2.6 before 7.0.15 for a Redis
 * command), then the other lineage's, newest first.
 */
function candidates(command: SpecCommand, sources: readonly ProseSource[]): ProseSource[] {
  const allowed = sources.filter(
    (source) =>
      source.info.license !== undefined &&
      PROSE_LICENSES.has(source.info.license) &&
      source.prose.has(command.name),
  );
  const lineage = sources.find((source) => source.info.id === command.sources[0])?.info.product;
  const own = allowed.filter((source) => source.info.product === lineage).reverse();
  const other = allowed.filter((source) => source.info.product !== lineage).reverse();
  return [...own, ...other];
}

function pick<TField extends keyof CommandProse>(
  field: TField,
  ordered: readonly ProseSource[],
  name: string,
): DocText<NonNullable<CommandProse[TField]>> | undefined {
  for (const source of ordered) {
    const value = source.prose.get(name)?.[field];
    if (value !== undefined) return { text: value!, source: source.info.id };
  }
  return undefined;
}

/**
 * Each command's prose, field by field from the first candidate source that has it; commands
 * with no usable prose are left out. Pure: the same sources always give the same docs.
 */
export function mergeProse(
  commands: readonly SpecCommand[],
  sources: readonly ProseSource[],
): CommandDocs[] {
  return commands.flatMap((command) => {
    const ordered = candidates(command, sources);
    const docs: CommandDocs = { name: command.name };
    const summary = pick('summary', ordered, command.name);
    const complexity = pick('complexity', ordered, command.name);
    const replies = pick('replies', ordered, command.name);
    if (summary !== undefined) docs.summary = summary;
    if (complexity !== undefined) docs.complexity = complexity;
    if (replies !== undefined) docs.replies = replies;
    return Object.keys(docs).length > 1 ? [docs] : [];
  });
}
