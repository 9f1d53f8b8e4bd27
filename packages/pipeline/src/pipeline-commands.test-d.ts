import type { PromiseContext, RedisCommands } from '@redspec/types';
import { describe, expectTypeOf, it } from 'vitest';
import type { ExcludedCommand } from './command-guard.js';
import type { Future } from './future.js';
import type { FutureContext } from './future-context.js';
import type { Pipeline } from './pipeline.js';

type ClientCommands = RedisCommands<PromiseContext>;
type PipelineCommand = Exclude<keyof ClientCommands, ExcludedCommand>;

/**
 * Exact type identity, so `any` or optional drift cannot pass, and mutual assignability too:
 * identity alone is loose for unions inside a tuple's rest element (it takes
 * `[string, ...(string | number)[]]` for `[string, ...number[]]`, GEO WITH*'s shape).
 */
type Equal<X, Y> =
  (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2
    ? [X] extends [Y]
      ? [Y] extends [X]
        ? true
        : false
      : false
    : false;

/**
 * A method's signatures as `[parameters, return]` pairs. Inference against N call signatures
 * reads the last N overloads, and a method with fewer repeats its first one, so with N above
 * the most any method has (six: the overlay allows five overloads per command, checked in
 * codegen's overlay-files.test.ts, plus the general one) every overload is compared, not only
 * the last, which is all `Parameters<F>` sees. `Overflowing` guards that bound.
 */
type Signatures<F> = F extends {
  (...args: infer A1): infer R1;
  (...args: infer A2): infer R2;
  (...args: infer A3): infer R3;
  (...args: infer A4): infer R4;
  (...args: infer A5): infer R5;
  (...args: infer A6): infer R6;
  (...args: infer A7): infer R7;
  (...args: infer A8): infer R8;
}
  ? [[A1, R1], [A2, R2], [A3, R3], [A4, R4], [A5, R5], [A6, R6], [A7, R7], [A8, R8]]
  : never;

/** Methods with more than eight overloads: their first two slots differ instead of repeating. */
type Overflowing = {
  [K in keyof ClientCommands]: ClientCommands[K] extends {
    (...args: infer A1): infer R1;
    (...args: infer A2): infer R2;
    (...args: infer _A3): unknown;
    (...args: infer _A4): unknown;
    (...args: infer _A5): unknown;
    (...args: infer _A6): unknown;
    (...args: infer _A7): unknown;
    (...args: infer _A8): unknown;
    (...args: infer _A9): unknown;
  }
    ? Equal<[A1, R1], [A2, R2]> extends true
      ? never
      : K
    : K;
}[keyof ClientCommands];

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

  it('compares every overload: no method has more than the eight read', () => {
    expectTypeOf<Overflowing>().toEqualTypeOf<never>();
  });

  it('catches a drift inside a rest element, where identity alone is loose', () => {
    type Loose = Omit<Pipeline, 'geosearch'> & {
      geosearch(
        ...args: Parameters<Pipeline['geosearch']>
      ): Future<Array<[string, ...Array<string | number | [number, number]>]>>;
    };
    expectTypeOf<Mismatched<Loose>>().toEqualTypeOf<'geosearch'>();
  });

  it('catches a drifted first overload of a method with several (GEO WITH*)', () => {
    type FirstDrifted = Omit<Pipeline, 'georadius'> & {
      georadius(
        ...args: Parameters<Extract<ClientCommands['georadius'], (...a: never[]) => unknown>>
      ): Future<number>;
    } & Pick<Pipeline, 'georadius'>;
    expectTypeOf<Mismatched<FirstDrifted>>().toEqualTypeOf<'georadius'>();
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

describe('the pipeline context', () => {
  it('carries the integer slot: a bigint mode types pipeline integers as bigints too', () => {
    const pipe = {} as RedisCommands<FutureContext<string, bigint>>;
    expectTypeOf(pipe.incr('k')).toEqualTypeOf<Future<bigint>>();
    expectTypeOf(pipe.setnx('k', 'v')).toEqualTypeOf<Future<0n | 1n>>();
  });
});
