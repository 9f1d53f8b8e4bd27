import type { CommandContext } from '@redspec/types';
import type { Future } from './future.js';

/**
 * The pipeline's context for the generated `RedisCommands<Ctx>`: every command returns a
 * `Future` of the same value type the client's `PromiseContext` wraps in a `Promise`, so
 * `pipe.incr(k)` is `Future<number>` where `client.incr(k)` is `Promise<number>`.
 */
export interface FutureContext<
  TString extends string | Buffer = string,
  TInteger extends number | bigint = number,
> extends CommandContext {
  readonly result: Future<this['value']>;
  readonly string: TString;
  readonly integer: TInteger;
}
