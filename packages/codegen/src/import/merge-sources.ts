import type { SpecArgument, SpecSource } from '../model/spec-types.js';
import type { ImportedCommand, SourceCommand } from './imported-command.js';
import type { LoadedSource } from './load-source.js';
import { mergeArguments } from './merge-arguments.js';
import type { MergedArgument } from './merged-argument.js';
import { compact } from './normalize-argument.js';
import type { NormalizedCommand } from './normalize-command.js';
import { replyFacts } from './product-replies.js';

interface Occurrence {
  source: SpecSource;
  command: SourceCommand;
}

/**
 * Merges loaded sources (oldest first) into one record per command, sorted by name. Pure: the
 * same sources always give equal output, and nothing touches the disk.
 */
export function mergeSources(sources: readonly LoadedSource[]): ImportedCommand[] {
  const seen = new Set<string>();
  const byName = new Map<string, Occurrence[]>();
  for (const source of sources) {
    if (seen.has(source.info.id)) throw new Error(`source ${source.info.id} is given twice`);
    seen.add(source.info.id);
    for (const command of source.commands) {
      const list = byName.get(command.name) ?? [];
      list.push({ source: source.info, command });
      byName.set(command.name, list);
    }
  }
  // Code-unit order, not localeCompare: the output must not depend on the machine's locale.
  const names = [...byName.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return names.map((name) => mergeCommand(byName.get(name) ?? []));
}

function mergeCommand(occurrences: readonly Occurrence[]): ImportedCommand {
  const primary = occurrences[0]?.source.product ?? 'redis';
  const facts = mergeFacts(occurrences, primary);
  const merged: MergedArgument[] = [];
  for (const { source, command } of occurrences) {
    const context = { sourceId: source.id, product: source.product, primary };
    mergeArguments(merged, command.arguments ?? [], context);
  }
  const count = occurrences.length;
  return compact({
    name: facts.name,
    container: facts.container,
    group: facts.group,
    since: facts.since,
    valkeySince: valkeySince(occurrences, primary, facts.since),
    arity: facts.arity,
    flags: facts.flags,
    docFlags: facts.docFlags,
    aclCategories: facts.aclCategories,
    deprecatedSince: facts.deprecatedSince,
    replacedBy: facts.replacedBy,
    tips: facts.tips,
    keySpecs: facts.keySpecs,
    arguments: merged.length > 0 ? merged.map((m) => toSpecArgument(m, count)) : undefined,
    ...replyFacts(occurrences, primary),
    sources: occurrences.map((o) => o.source.id),
  });
}

/**
 * The newest source of the command's first product states its facts wholesale (a fact it drops,
 * like MSETNX's tips in redis 7.2, is gone). The newest source of another product only fills
 * facts that newest source leaves out, so Valkey never overrides Redis on a shared command.
 */
function mergeFacts(occurrences: readonly Occurrence[], primary: string): NormalizedCommand {
  const own = occurrences.filter((o) => o.source.product === primary).at(-1)?.command;
  const other = occurrences.filter((o) => o.source.product !== primary).at(-1)?.command;
  if (own === undefined) throw new Error('a command needs at least one source');
  if (other === undefined) return structuredClone(own);
  const merged: Record<string, unknown> = { ...own };
  for (const key of FILLABLE) merged[key] ??= other[key];
  return structuredClone(merged as NormalizedCommand);
}

// Optional facts another product may fill; the reply is filled the same way, with what goes
// with it, by replyFacts (product-replies.ts). Deprecation (docFlags, deprecatedSince, replacedBy)
// is left out like `since`: it is stated in that product's version numbers, and Valkey 8.0
// deprecating SENTINEL MASTER in favour of its own SENTINEL PRIMARY says nothing about Redis.
const FILLABLE = [
  'aclCategories',
  'tips',
  'keySpecs',
] as const satisfies readonly (keyof NormalizedCommand)[];

function valkeySince(
  occurrences: readonly Occurrence[],
  primary: string,
  since: string,
): string | undefined {
  if (primary !== 'redis') return undefined;
  const valkey = occurrences.filter((o) => o.source.product === 'valkey').at(-1);
  return valkey && valkey.command.since !== since ? valkey.command.since : undefined;
}

function toSpecArgument(argument: MergedArgument, commandSources: number): SpecArgument {
  const { shape } = argument;
  const nests = shape.type === 'oneof' || shape.type === 'block';
  return compact({
    name: shape.name,
    type: shape.type,
    token: shape.token,
    optional: shape.optional,
    multiple: shape.multiple,
    multipleToken: shape.multipleToken,
    since: shape.since,
    deprecatedSince: shape.deprecatedSince,
    keySpecIndex: shape.keySpecIndex,
    display: shape.display,
    // A oneof/block that a later source turned into a plain argument keeps no stale children.
    arguments:
      nests && argument.children.length > 0
        ? argument.children.map((child) => toSpecArgument(child, commandSources))
        : undefined,
    sources: argument.sources.length < commandSources ? [...argument.sources] : undefined,
  });
}
