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
  /** Option-dependent replies, most specific first; the spec's reply stays the general case. */
  overloads?: OverloadOverlay[];
  /** Why the entry exists: a sentence of ours for reviewers (never emitted). */
  why?: string;
}

export interface ArgumentOverlay {
  type?: SpecArgumentType;
  /** Make an optional untokened argument a named option instead of a positional parameter. */
  asOption?: boolean;
}

/** Selects an overload: a truthy option (or one equal to `equals`), or a present positional. */
export type OverloadCondition =
  { option: string; equals?: string | number | boolean } | { param: string };

export interface OverloadOverlay {
  when: OverloadCondition | OverloadCondition[];
  reply: ReplySchema;
}

export type Overlay = Record<string, CommandOverlay>;
