import { isDeepStrictEqual } from 'node:util';
import type { SpecSource } from '../model/spec-types.js';
import type { ImportedCommand, SourceCommand } from './imported-command.js';

type ReplyFacts = Pick<ImportedCommand, 'reply' | 'replyDependsOn' | 'valkeyReply'>;

interface Occurrence {
  source: SpecSource;
  command: SourceCommand;
}

/**
 * A command's reply facts: the reply of the newest source of its first product (else of the
 * other product, as for the other fillable facts), with the argument dependencies derived from
 * that same reply, plus Valkey's own reply where Valkey's newest differs from a Redis one.
 */
export function replyFacts(occurrences: readonly Occurrence[], primary: string): ReplyFacts {
  const newest = (own: boolean): SourceCommand | undefined =>
    occurrences.filter((o) => (o.source.product === primary) === own).at(-1)?.command;
  const [own, other] = [newest(true), newest(false)];
  const stated = own?.reply !== undefined ? own : other;
  const valkey = primary === 'redis' ? other?.reply : undefined;
  const differs =
    valkey !== undefined && stated !== other && !isDeepStrictEqual(valkey, own?.reply);
  return {
    reply: structuredClone(stated?.reply),
    replyDependsOn: structuredClone(stated?.replyDependsOn),
    valkeyReply: differs ? structuredClone(valkey) : undefined,
  };
}
