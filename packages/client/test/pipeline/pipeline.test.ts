import { startRedisServer, type RedisServerHandle } from '@redspec/test-utils';
import {
  PipelineDiscardedError,
  PipelineError,
  PipelineStateError,
  ResultNotReadyError,
  type Pipeline,
} from '@redspec/pipeline';
import { openPipeline, runPipeline } from '@redspec/pipeline/internal';
import { CommandArgumentError, WrongTypeError } from '@redspec/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestTransport, uniqueKey } from './test-transport.js';

let transport: TestTransport;
beforeAll(async () => {
  transport = await TestTransport.open();
});
afterAll(() => transport.close());

const exists = async (key: string): Promise<boolean> =>
  (await transport.shared.call(['EXISTS', key])) === 1;

describe('the coredis examples', () => {
  let server: RedisServerHandle;
  let own: TestTransport;
  beforeAll(async () => {
    // FLUSHDB gets a server of its own: the shared one serves other test files in parallel.
    server = await startRedisServer();
    own = await TestTransport.open({ host: server.host, port: server.port });
  });
  afterAll(async () => {
    own.close();
    await server.stop();
  });

  it('runs FLUSHDB, SET, SET, KEYS in a transaction; values via the futures and via results', async () => {
    const queue = (pipe: Pipeline) =>
      [pipe.flushdb(), pipe.set('foo', 'bar'), pipe.set('bar', 'foo'), pipe.keys('*')] as const;
    let piped!: Pipeline;
    let commands!: ReturnType<typeof queue>;
    {
      await using pipe = openPipeline(own, { transaction: true });
      piped = pipe;
      commands = queue(pipe);
      expect(await own.shared.call(['EXISTS', 'foo'])).toBe(0); // nothing sent yet
    }
    // Outside the block, like coredis: the scope's end executed the transaction.
    const [flushed, setFoo, setBar, keys] = await Promise.all(commands);
    expect([flushed, setFoo, setBar]).toEqual(['OK', 'OK', 'OK']);
    expect([...keys].sort()).toEqual(['bar', 'foo']);
    expect(piped.results).toEqual(['OK', 'OK', 'OK', keys]);
    expect(keys).toHaveLength(2);
  });

  it('keeps the static types with raiseOnError false: INCR after SET 1 resolves 2', async () => {
    const key = uniqueKey('coredis-incr');
    let value!: PromiseLike<number>;
    {
      await using pipe = openPipeline(transport, { raiseOnError: false });
      pipe.set(key, 1);
      value = pipe.incr(key);
    }
    const v: number = await value;
    expect(v).toBe(2);
  });
});

describe('a plain pipeline', () => {
  it('sends nothing until it runs, then sends every command in one batch, in order', async () => {
    const key = uniqueKey('order');
    const pipe = openPipeline(transport);
    const futures = Array.from({ length: 1000 }, () => pipe.incr(key));
    expect(pipe.length).toBe(1000);
    expect(await exists(key)).toBe(false);
    const before = transport.batches.length;
    const results = await pipe.execute();
    expect(transport.batches.length - before).toBe(1);
    expect(results).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect(futures.map((future) => future.result)).toEqual(results);
    expect(pipe.results).toBe(results);
  });

  it('fails only the failing command, then throws a PipelineError naming it', async () => {
    const text = uniqueKey('text');
    const counter = uniqueKey('counter');
    const pipe = openPipeline(transport);
    const set = pipe.set(text, 'hello');
    const push = pipe.lpush(text, ['x', 'y', 'z', 'w', 'v']);
    const incr = pipe.incr(counter);
    const error = await pipe.execute().catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(PipelineError);
    const pipelineError = error as PipelineError;
    expect(pipelineError.message).toBe(
      `command #2 (index 1: LPUSH ${text.slice(0, 24)}… x y z …) of the pipeline failed: ` +
        'WRONGTYPE Operation against a key holding the wrong kind of value',
    );
    expect(pipelineError.failedIndexes).toEqual([1]);
    expect(pipelineError.command).toBe('LPUSH');
    expect(pipelineError.cause).toBeInstanceOf(WrongTypeError);
    expect(pipelineError.results).toEqual(['OK', pipelineError.cause, 1]);
    expect(await set).toBe('OK');
    await expect(push).rejects.toBeInstanceOf(WrongTypeError);
    expect(incr.result).toBe(1);
    expect(pipe.results).toBe(pipelineError.results);
  });

  it('resolves with errors in place when raiseOnError is false', async () => {
    const text = uniqueKey('text');
    const pipe = openPipeline(transport, { raiseOnError: false });
    pipe.set(text, 'hello');
    const push = pipe.lpush(text, 'x');
    const results = await pipe.execute();
    expect(results[0]).toBe('OK');
    expect(results[1]).toBeInstanceOf(WrongTypeError);
    expect(() => push.result).toThrow(WrongTypeError);
  });

  it('throws bad arguments at the call, before anything is queued or sent', () => {
    const pipe = openPipeline(transport);
    // @ts-expect-error a key must be a string or a Buffer
    expect(() => pipe.get({ not: 'a key' })).toThrow(CommandArgumentError);
    expect(pipe.length).toBe(0);
  });

  it('refuses results and .result before it ran, while awaiting a future just waits', async () => {
    const key = uniqueKey('wait');
    const pipe = openPipeline(transport);
    const incr = pipe.incr(key);
    expect(() => pipe.results).toThrow(ResultNotReadyError);
    expect(() => incr.result).toThrow(ResultNotReadyError);
    const awaited = Promise.resolve(incr); // awaits before execution
    await pipe.execute();
    expect(await awaited).toBe(1);
  });

  it('decodes bulk strings as Buffers on a Buffer view of its client', async () => {
    const key = uniqueKey('buffers');
    const pipe = openPipeline<Buffer>(transport.withBuffers());
    pipe.set(key, 'bytes');
    const value = pipe.get(key);
    await pipe.execute();
    const bytes: Buffer | null = value.result;
    expect(bytes).toEqual(Buffer.from('bytes'));
  });

  it('allows blocking commands, which hold the batch until they reply', async () => {
    const list = uniqueKey('list');
    const pipe = openPipeline(transport);
    pipe.rpush(list, 'a');
    const popped = pipe.blpop(list, 1);
    await pipe.execute();
    expect(popped.result).toEqual([list, 'a']);
  });

  it('runs once: executing again or queuing afterwards is a PipelineStateError', async () => {
    const pipe = openPipeline(transport);
    expect(await pipe.execute()).toEqual([]);
    await expect(pipe.execute()).rejects.toBeInstanceOf(PipelineStateError);
    expect(() => pipe.ping()).toThrow(PipelineStateError);
  });
});

describe('discard', () => {
  it('sends nothing and rejects the futures, including ones already awaited', async () => {
    const key = uniqueKey('discarded');
    const pipe = openPipeline(transport);
    const set = pipe.set(key, '1');
    const awaited = Promise.resolve(set).catch((error: unknown) => error);
    await pipe.discard();
    expect(await awaited).toBeInstanceOf(PipelineDiscardedError);
    expect(() => set.result).toThrow(PipelineDiscardedError);
    expect(() => pipe.results).toThrow(PipelineDiscardedError);
    expect(() => pipe.incr(key)).toThrow(PipelineStateError);
    expect(await exists(key)).toBe(false);
  });

  it('is how an `await using` scope that throws avoids sending its commands', async () => {
    const key = uniqueKey('scope-throws');
    const scope = async (): Promise<void> => {
      await using pipe = openPipeline(transport);
      try {
        pipe.set(key, '1');
        throw new Error('half-built');
      } catch (error) {
        await pipe.discard(error);
        throw error;
      }
    };
    await expect(scope()).rejects.toThrow('half-built');
    expect(await exists(key)).toBe(false);
  });
});

describe('runPipeline', () => {
  it('resolves with the values of the returned futures, in order', async () => {
    const key = uniqueKey('callback');
    const [ok, count] = await runPipeline(transport, (p) => [p.set(key, '1'), p.incr(key)]);
    expect(ok).toBe('OK');
    expect(count).toBe(2);
  });

  it.each([
    [
      'throws',
      (): never => {
        throw new Error('callback failed');
      },
    ],
    ['rejects', (): Promise<never> => Promise.reject(new Error('callback failed'))],
  ])('sends nothing when the callback %s, and rejects its futures', async (_, fail) => {
    const key = uniqueKey('callback-fails');
    const futures: PromiseLike<unknown>[] = [];
    const run = runPipeline(transport, (p) => {
      futures.push(p.set(key, '1'));
      return fail();
    });
    await expect(run).rejects.toThrow('callback failed');
    expect(await exists(key)).toBe(false);
    const rejection = await Promise.resolve(futures[0]).catch((error: unknown) => error);
    expect(rejection).toBeInstanceOf(PipelineDiscardedError);
    expect((rejection as PipelineDiscardedError).cause).toEqual(new Error('callback failed'));
  });
});
