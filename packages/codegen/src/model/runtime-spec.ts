/**
 * The runtime command table's types, read from `packages/types/src/command-spec.ts` itself
 * (issue 12: hand-kept mirrors here had drifted from it). The import is type-only and relative:
 * codegen never loads @redspec/types at run time, @redspec/types never depends on codegen, and
 * the declaration bundle of @redspec/codegen inlines these types instead of naming a package it
 * does not depend on. A field the runtime adds or drops now fails the codegen build.
 */
import type {
  ArgSpec,
  CommandSpec,
  KeySpecPlan,
  ReplyCondition,
  ReplyPlan,
  ReplyVariant,
} from '../../../types/src/command-spec.js';

/** One argument as the encoder reads it. */
export type RuntimeArg = ArgSpec;

/** How the normalizer shapes a reply. */
export type RuntimePlan = ReplyPlan;

export type RuntimeCondition = ReplyCondition;

export type RuntimeVariant = ReplyVariant;

/**
 * A key spec before its flags become a bitmask: the emitter writes them as `K.RO | K.ACCESS`,
 * so a flag name the runtime lacks fails the type check of the generated table.
 */
export type RuntimeKeySpec = Omit<KeySpecPlan, 'flags'> & { readonly flags: readonly string[] };

/** The command table entry the emitter writes, with flag bitmasks still as code. */
export type EmittedCommandSpec<TFlags> = {
  readonly [K in keyof CommandSpec]: K extends 'flags'
    ? TFlags
    : K extends 'keys'
      ? readonly (Omit<KeySpecPlan, 'flags'> & { readonly flags: TFlags })[] | undefined
      : CommandSpec[K];
};
