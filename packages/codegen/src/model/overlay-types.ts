import type { ReplySchema, SpecArgumentType } from './spec-types.js';

/**
 * Hand-written corrections in `specs/overlay/*.json`: what the upstream specs cannot say
 * (option-dependent replies) or say wrongly (errata). Each file maps a command name to entries.
 */
export interface CommandOverlay {
  /** Method name, where the mechanical rule in naming.ts gives a poor one. */
  method?: string;
  /** Replaces the command's reply schema (spec errata). */
  reply?: ReplySchema;
  /** Argument errata, keyed by argument name path (`weight`, `limit.count`). */
  arguments?: Record<string, ArgumentOverlay>;
  /**
   * Command tips of ours (`request_policy:…`, `response_policy:…`), replacing the spec's tip of
   * the same kind: how a cluster client routes the command and combines its replies.
   */
  tips?: string[];
  /** Option-dependent replies, most specific first; the spec's reply stays the general case. */
  overloads?: OverloadOverlay[];
  /** Why the entry exists: a sentence of ours for reviewers (never emitted). */
  why?: string;
  /** Hand-written usage examples (`specs/overlay/examples.json`), each emitted as `@example`. */
  examples?: string[];
  /**
   * The command changes the state of the connection it runs on (MULTI, SELECT, SUBSCRIBE…),
   * so a client or pipeline that shares its connection leaves it out: it is declared in
   * `RedisCommands` but not in `SharedConnectionCommands` (`specs/overlay/connection-state.json`).
   */
  changesConnection?: true;
}

export interface ArgumentOverlay {
  type?: SpecArgumentType;
  /** A TypeScript type for the argument's value, from @redspec/types (e.g. `ScoreBound`). */
  tsType?: string;
  /** The key of the argument in its options object, where the mechanical one reads badly. */
  key?: string;
  /** Make an optional untokened argument a named option instead of a positional parameter. */
  asOption?: boolean;
}

/**
 * Selects an overload. An option: present (a flag set, a value given), equal to `equals`, or
 * `absent`. A positional: present, `absent`, or an object that `has` a oneof alternative's key.
 */
export type OverloadCondition =
  | {
      option: string;
      equals?: string | number | boolean;
      absent?: true;
      /**
       * The option is newer than some specs the overlay must also fit (ZSCAN's NOSCORES): where
       * the command lacks it, an overload requiring it is left out and an `absent` test on it
       * holds trivially. Without this flag an unknown option is an error.
       */
      whereKnown?: true;
    }
  | { param: string; absent?: true; has?: string };

export interface OverloadOverlay {
  when: OverloadCondition | OverloadCondition[];
  reply: ReplySchema;
}

export type Overlay = Record<string, CommandOverlay>;
