/**
 * How one generated interface serves both the client and the pipeline: the implementer picks a
 * context whose `result` wraps `this['value']`. `Result<Ctx, T>` plugs `T` into that slot.
 * This is the `this`-typed higher-kinded pattern; it avoids emitting the command surface twice
 * (once per wrapper), which would double the declaration size and the checker's work.
 */
export interface CommandContext {
  readonly value: unknown;
  readonly result: unknown;
  /** What bulk-string replies decode to: `string`, or `Buffer` in binary mode. */
  readonly string: string | Buffer;
  /**
   * What integer replies decode to: `number`, or `bigint` in a bigint mode (64-bit counters,
   * hashes and ids beyond `Number.MAX_SAFE_INTEGER` then arrive exact). Integer constants in
   * replies (`0 | 1`) follow it too: they are typed `(0 | 1 | 0n | 1n) & Ctx['integer']`.
   */
  readonly integer: number | bigint;
}

/** The result type of a command returning `T` under context `Ctx`. */
export type Result<Ctx extends CommandContext, T> = (Ctx & { readonly value: T })['result'];

/** The client's context: every command returns a Promise. */
export interface PromiseContext<
  TString extends string | Buffer = string,
  TInteger extends number | bigint = number,
> extends CommandContext {
  readonly result: Promise<this['value']>;
  readonly string: TString;
  readonly integer: TInteger;
}
