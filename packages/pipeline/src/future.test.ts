import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PipelineStateError, ResultNotReadyError } from './errors.js';
import { Future } from './future.js';

describe('Future', () => {
  it('is pending until set, then readable synchronously and awaitable', async () => {
    const future = new Future<number>();
    expect(future.isDone).toBe(false);
    expect(future.isReady).toBe(false);
    expect(() => future.result).toThrow(ResultNotReadyError);
    future.set(42);
    expect(future.isDone).toBe(true);
    expect(future.isReady).toBe(true);
    expect(future.result).toBe(42);
    expect(await future).toBe(42);
  });

  it('resumes callers that awaited it before it was set', async () => {
    const future = new Future<string>();
    const waiting = Promise.all([future, future.then((value) => value.toUpperCase())]);
    future.set('ok');
    expect(await waiting).toEqual(['ok', 'OK']);
  });

  it('throws its error from .result and rejects awaiting callers once failed', async () => {
    const future = new Future<number>();
    const waiting = expect(future).rejects.toThrow('boom');
    const error = new Error('boom');
    future.fail(error);
    expect(future.isDone).toBe(true);
    expect(future.isReady).toBe(false);
    expect(() => future.result).toThrow(error);
    await waiting;
    await expect(future).rejects.toBe(error);
  });

  it('refuses to settle twice', () => {
    const future = new Future<number>();
    future.set(1);
    expect(() => future.set(2)).toThrow(PipelineStateError);
    expect(() => future.fail(new Error('late'))).toThrow(PipelineStateError);
    expect(future.result).toBe(1);
  });

  it('works with Promise.all and Awaited like a Promise', async () => {
    const futures = [new Future<number>(), new Future<number>()] as const;
    futures[0].set(1);
    futures[1].set(2);
    const values: [number, number] = await Promise.all(futures);
    expect(values).toEqual([1, 2]);
  });
});

describe('an unobserved failed Future', () => {
  const unhandled: unknown[] = [];
  const listener = (reason: unknown): void => {
    unhandled.push(reason);
  };
  beforeEach(() => {
    unhandled.length = 0;
    process.on('unhandledRejection', listener);
  });
  afterEach(() => {
    process.off('unhandledRejection', listener);
  });

  it('raises no unhandledRejection', async () => {
    const marker = new Error('never awaited');
    for (let i = 0; i < 100; i++) new Future<number>().fail(marker);
    // unhandledRejection fires after the microtask queue drains; give it a few macrotasks.
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(unhandled).not.toContain(marker);
  });

  it('still reports a rejection nobody handles once someone chained onto it', async () => {
    // Control for the test above: the listener does see unhandled rejections in this setup.
    const marker = new Error('chained without a handler');
    const future = new Future<number>();
    void future.then((value) => value);
    future.fail(marker);
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(unhandled).toContain(marker);
  });
});
