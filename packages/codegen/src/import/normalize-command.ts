import type { SpecArgument, SpecCommand } from '../model/spec-types.js';
import { compact, normalizeArgument } from './normalize-argument.js';
import { normalizeKeySpec } from './normalize-key-spec.js';
import { stripReplySchema } from './strip-reply-schema.js';
import type { UpstreamCommand } from './upstream-types.js';

/** One command as a single source states it: our field names, facts only, no merge data yet. */
export type NormalizedCommand = Omit<SpecCommand, 'valkeySince' | 'sources'>;

/**
 * Converts one upstream command record. `key` is the upstream top-level key (the bare command or
 * subcommand word); subcommands get their container prefixed, as in `CLIENT KILL`.
 */
export function normalizeCommand(
  key: string,
  raw: UpstreamCommand,
  where: string,
): NormalizedCommand {
  const name = raw.container === undefined ? key : `${raw.container} ${key}`;
  const at = `${where} ${name}`;
  if (typeof raw.group !== 'string' || typeof raw.since !== 'string') {
    throw new Error(`${at}: missing group or since`);
  }
  if (!Number.isInteger(raw.arity)) throw new Error(`${at}: arity must be an integer`);
  return compact({
    name,
    container: raw.container,
    group: raw.group,
    since: raw.since,
    arity: raw.arity,
    // Upstream omits `command_flags` on commands that have none (mostly containers).
    flags: [...(raw.command_flags ?? [])],
    docFlags: copy(raw.doc_flags),
    aclCategories: copy(raw.acl_categories),
    deprecatedSince: raw.deprecated_since,
    replacedBy: raw.replaced_by,
    tips: copy(raw.command_tips),
    keySpecs: raw.key_specs?.map((spec, i) => normalizeKeySpec(spec, `${at} key_specs[${i}]`)),
    arguments: normalizeArguments(raw.arguments, at),
    reply: raw.reply_schema === undefined ? undefined : stripReplySchema(raw.reply_schema),
  });
}

function normalizeArguments(
  raw: UpstreamCommand['arguments'],
  where: string,
): SpecArgument[] | undefined {
  if (raw === undefined || raw.length === 0) return undefined;
  return raw.map((argument) => normalizeArgument(argument, where));
}

function copy(list: string[] | undefined): string[] | undefined {
  return list === undefined ? undefined : [...list];
}
