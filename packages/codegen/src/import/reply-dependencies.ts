import type { ReplyDependency } from './imported-command.js';
import type { UpstreamArgument, UpstreamCommand } from './upstream-types.js';

/** A word an argument is called by in prose, and its name path. */
interface Mention {
  word: string;
  argument: string;
}

// Tokens are written as they are sent (`WITHSCORES`); an untokened argument is named in capitals
// and quoted ("When 'COUNT' was given", RPOP's bare count), so an unquoted "ID" stays a noun.
function mentionsOf(args: readonly UpstreamArgument[] = [], trail = ''): Mention[] {
  return args.flatMap((arg) => {
    const path = trail === '' ? arg.name : `${trail}.${arg.name}`;
    const own: Mention[] =
      arg.token !== undefined && /[A-Za-z]{2}/.test(arg.token)
        ? [{ word: arg.token, argument: path }]
        : arg.type !== 'oneof' && arg.type !== 'block' && /^[a-z]{2,}$/i.test(arg.name)
          ? [{ word: `'${arg.name.toUpperCase()}'`, argument: path }]
          : [];
    return [...own, ...mentionsOf(arg.arguments, path)];
  });
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `description` names `mention` and, if so, whether it says "not given". */
function polarity(description: string, mention: Mention): 'given' | 'notGiven' | undefined {
  const quoted = mention.word.startsWith("'");
  const bare = quoted ? mention.word.slice(1, -1) : mention.word;
  const word = quoted ? `['\`"]${escape(bare)}['\`"]` : escape(bare);
  const pattern = new RegExp(`(?<![\\w-])${word}(?![\\w-])`);
  // The clause holding the mention decides: "`GET` not given: …", "when 'COUNT' isn't specified".
  const clause = description.split(/[.;:]\s/).find((part) => pattern.test(part));
  if (clause === undefined) return undefined;
  return /\bnot\b|n't\b|\bwithout\b/i.test(clause) ? 'notGiven' : 'given';
}

/**
 * Reads which reply alternatives each argument selects from the descriptions of a `oneOf` or
 * `anyOf` reply (see `ReplyDependency`); undefined when the reply has no such alternatives or
 * none names an argument. Runs on the raw upstream command, before descriptions are dropped.
 */
export function replyDependencies(raw: UpstreamCommand): ReplyDependency[] | undefined {
  const schema = raw.reply_schema as { oneOf?: unknown; anyOf?: unknown } | undefined;
  const alternatives = schema?.oneOf ?? schema?.anyOf;
  if (!Array.isArray(alternatives) || alternatives.length < 2) return undefined;
  const descriptions = alternatives.map((alternative: unknown) => {
    const text = (alternative as { description?: unknown } | null)?.description;
    return typeof text === 'string' ? text : '';
  });
  const found = new Map<string, ReplyDependency>();
  for (const mention of mentionsOf(raw.arguments)) {
    descriptions.forEach((description, index) => {
      const side = polarity(description, mention);
      if (side === undefined) return;
      const entry = found.get(mention.argument) ?? {
        argument: mention.argument,
        given: [],
        notGiven: [],
      };
      if (!entry[side].includes(index)) entry[side].push(index);
      found.set(mention.argument, entry);
    });
  }
  return found.size === 0 ? undefined : [...found.values()];
}
