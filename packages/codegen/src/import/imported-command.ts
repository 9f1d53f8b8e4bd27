import type { ReplySchema, SpecCommand, SpecSource } from '../model/spec-types.js';
import type { NormalizedCommand } from './normalize-command.js';

/**
 * Which alternatives of a `oneOf`/`anyOf` reply an argument selects, derived from upstream's
 * reply descriptions (the only place it is said, and prose we do not keep): ZRANGE's second
 * alternative is "Returned in case `WITHSCORES` was used". Indexes count the alternatives of
 * the command's `reply`.
 */
export interface ReplyDependency {
  /** Argument name path from the top level (`count`, `count-block.withvalues`). */
  argument: string;
  /** Alternatives said to come back when the argument is given. */
  given: number[];
  /** Alternatives said to come back when it is not. */
  notGiven: number[];
}

/**
 * What the importer writes per command beyond `SpecCommand`: facts the generator does not read
 * yet, kept so `redspec update` and the target surfaces can.
 */
export interface ImportedCommand extends SpecCommand {
  /** Set when the reply's alternatives depend on arguments (see `ReplyDependency`). */
  replyDependsOn?: ReplyDependency[];
  /**
   * The newest Valkey source's reply of a Redis-lineage command, where it differs from `reply`
   * (which stays the Redis one): Valkey's surface must neither lose its own reply changes nor
   * inherit Redis-only ones.
   */
  valkeyReply?: ReplySchema;
}

/**
 * One `specs/sources.json` entry: where a source came from, plus what `redspec update` decided
 * about it that the next import must repeat.
 */
export interface SourceRecord extends SpecSource {
  /** The folder, relative to the repository root, when it is not `<sources root>/<id>`. */
  path?: string;
  /**
   * Commands whose arguments this source reshaped with the same tokens on the wire: their
   * previous shape is kept so calls that compiled still do (see reshapes.ts).
   */
  keepShapes?: string[];
}

/** One command as one source states it, with what the importer derives from its prose. */
export type SourceCommand = NormalizedCommand & Pick<ImportedCommand, 'replyDependsOn'>;
