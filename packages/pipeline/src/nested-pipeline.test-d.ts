import { describe, expectTypeOf, it } from 'vitest';
import { Future } from './future.js';
import { pipeline, type Pipeline } from './pipeline.js';

function incrSum(keys: string[], parent?: Pipeline): Future<number> {
  const future = new Future<number>();
  using pipe = pipeline(parent);
  const counts = keys.map((key) => pipe.incr(key));
  pipe.onExecute(() => future.set(counts.reduce((sum, count) => sum + count.result, 0)), {
    settles: [future],
  });
  return future;
}

describe('nested pipelines', () => {
  it('keeps the helper’s return type: incrSum returns Future<number>', () => {
    expectTypeOf(incrSum).returns.toEqualTypeOf<Future<number>>();
    expectTypeOf(incrSum(['a'], pipeline())).toEqualTypeOf<Future<number>>();
    expectTypeOf<Awaited<ReturnType<typeof incrSum>>>().toEqualTypeOf<number>();
  });

  it('keeps the command types at every level', () => {
    const root = pipeline();
    expectTypeOf(root).toEqualTypeOf<Pipeline<string>>();
    const grandchild = pipeline(pipeline(root), { client: 'cache' });
    expectTypeOf(grandchild).toEqualTypeOf<Pipeline<string>>();
    expectTypeOf(grandchild.incr('k')).toEqualTypeOf<Future<number>>();
    expectTypeOf(grandchild.set('k', 'v', { get: true })).toEqualTypeOf<Future<string | null>>();
  });

  it('takes the string mode from the parent, or as asked for a root', () => {
    const binary = pipeline<Buffer>(undefined, { autoexec: true });
    expectTypeOf(binary).toEqualTypeOf<Pipeline<Buffer>>();
    expectTypeOf(pipeline(binary).get('k')).toEqualTypeOf<Future<Buffer | null>>();
    expectTypeOf(pipeline(undefined, { autoexec: false })).toEqualTypeOf<Pipeline<string>>();
    const maybe: Pipeline | undefined = undefined;
    expectTypeOf(pipeline(maybe, { autoexec: true })).toEqualTypeOf<Pipeline<string>>();
  });

  it('types onExecute as a Future of the callback’s (awaited) return value', () => {
    const pipe = pipeline();
    expectTypeOf(pipe.onExecute(() => 42)).toEqualTypeOf<Future<number>>();
    expectTypeOf(pipe.onExecute(async () => 'done')).toEqualTypeOf<Future<string>>();
    expectTypeOf(pipe.onExecute(() => new Future<number>().set(1))).toEqualTypeOf<Future<void>>();
    const sum = (values: number[]): number => values.length;
    expectTypeOf(pipe.onExecute(() => sum([]))).toEqualTypeOf<Future<ReturnType<typeof sum>>>();
  });

  it('offers synchronous and asynchronous scopes', () => {
    const pipe = pipeline();
    expectTypeOf(pipe.close).toEqualTypeOf<() => void>();
    expectTypeOf(pipe[Symbol.dispose]).toEqualTypeOf<() => void>();
    expectTypeOf(pipe[Symbol.asyncDispose]).toEqualTypeOf<() => Promise<void>>();
  });

  it('rejects what is not a pipeline, a client name or a future', () => {
    const pipe = pipeline();
    // @ts-expect-error a parent must be a pipeline
    pipeline({ incr: () => 1 });
    // @ts-expect-error clients are named by strings
    pipeline(pipe, { client: 1 });
    // @ts-expect-error autoexec is a boolean
    pipeline(pipe, { autoexec: 'yes' });
    // @ts-expect-error settles lists futures
    pipe.onExecute(() => 1, { settles: [Promise.resolve(1)] });
    // @ts-expect-error callbacks take no arguments
    pipe.onExecute((value: number) => value);
    // @ts-expect-error a string pipeline's futures are not Buffers
    expectTypeOf(pipeline(pipe).get('k')).toEqualTypeOf<Future<Buffer | null>>();
  });
});
