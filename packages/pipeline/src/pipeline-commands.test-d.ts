import type { PromiseContext, RedisCommands } from '@redspec/types';
import { describe, expectTypeOf, it } from 'vitest';
import type { ExcludedCommand } from './command-guard.js';
import type { Future } from './future.js';
import type { Pipeline } from './pipeline.js';

type ClientCommands = RedisCommands<PromiseContext>;
type PipelineCommand = Exclude<keyof ClientCommands, ExcludedCommand>;

/** Exact type identity (not mutual assignability), so `any` or optional drift cannot pass. */
type Equal<X, Y> =
  (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;

/**
 * A method's signatures as `[parameters, return]` pairs. Inferring against four call signatures
 * reads up to four overloads (a single signature repeats), so overloads the overlay adds are
 * compared one by one rather than only the last, which is all `Parameters<F>` sees.
 */
type Signatures<F> = F extends {
  (...args: infer A1): infer R1;
  (...args: infer A2): infer R2;
  (...args: infer A3): infer R3;
  (...args: infer A4): infer R4;
}
  ? [[A1, R1], [A2, R2], [A3, R3], [A4, R4]]
  : never;

/** The client's signatures with `Promise<T>` swapped for `Future<T>`: what the pipeline must have. */
type AsFutures<TSignatures> = {
  [I in keyof TSignatures]: TSignatures[I] extends [infer A, Promise<infer T>]
    ? [A, Future<T>]
    : ['not a Promise', TSignatures[I]];
};

/** The commands whose pipeline method is not exactly the client's with the wrapper swapped. */
type Mismatched<TPipeline> = {
  [K in PipelineCommand]: K extends keyof TPipeline
    ? Equal<AsFutures<Signatures<ClientCommands[K]>>, Signatures<TPipeline[K]>> extends true
      ? never
      : K
    : K;
}[PipelineCommand];

describe('every pipeline command mirrors the client command', () => {
  it('has the same parameters and the same value type, in a Future instead of a Promise', () => {
    expectTypeOf<Mismatched<Pipeline>>().toEqualTypeOf<never>();
  });

  it('catches a drifted parameter or value type (control for the check above)', () => {
    type Drifted = Omit<Pipeline, 'incr' | 'get'> & {
      incr(key: string): Future<number>; // the client takes RedisKey (string | Buffer)
      get(key: string | Buffer): Future<string>; // the client's value includes null
    };
    expectTypeOf<Mismatched<Drifted>>().toEqualTypeOf<'incr' | 'get'>();
  });

  it('keeps generic value types generic', () => {
    const pipe = {} as Pipeline;
    expectTypeOf(pipe.eval<number>('return 1', [], [])).toEqualTypeOf<Future<number>>();
    expectTypeOf(pipe.fcall('fn')).toEqualTypeOf<Future<unknown>>();
  });
});
