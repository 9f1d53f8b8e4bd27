/**
 * Commands that must not be sent are not, and their futures say so instead of hanging: a
 * callback-form root that throws, a root closed without executing.
 */
import { randomUUID } from 'node:crypto';
import { redisUrl } from '@redspec/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Future,
  PipelineDiscardedError,
  PipelineNotExecutedError,
  createClient,
  pipeline,
  type Pipeline,
  type RedisClient,
} from '../../src/index.js';
import { registerClient, unregisterClient } from '@redspec/pipeline';

let client: RedisClient;
beforeAll(async () => {
  client = await createClient(redisUrl()).connect();
  registerClient(client);
});
afterAll(async () => {
  unregisterClient('*');
  await client.quit();
});

const uniqueKey = (name: string): string => `never-sent:${name}:${randomUUID()}`;

function incrSum(keys: readonly string[], parent?: Pipeline): Future<number> {
  using pipe = pipeline(parent, { autoexec: true });
  const results = keys.map((key) => pipe.incr(key));
  return pipe.onExecute(() => results.reduce((sum, result) => sum + result.result, 0));
}

describe('a callback-form root that throws', () => {
  it('after a nested helper closed: nothing is sent, the helper’s future rejects', async () => {
    const key = uniqueKey('closed-helper');
    let sum: Future<number> | undefined;
    const run = client.pipeline((root) => {
      sum = incrSum([key], root);
      throw new Error('changed my mind');
    });
    await expect(run).rejects.toThrow('changed my mind');
    await expect(sum!).rejects.toBeInstanceOf(PipelineDiscardedError);
    await expect(sum!).rejects.toMatchObject({ cause: { message: 'changed my mind' } });
    expect(await client.exists(key)).toBe(0);
  });

  it('from inside a helper, before it closed its pipeline: nothing is sent', async () => {
    const key = uniqueKey('open-helper');
    const user = new Future<number>();
    let count: Future<number> | undefined;
    const helper = (parent: Pipeline): void => {
      const pipe = pipeline(parent);
      count = pipe.incr(key);
      pipe.onExecute(() => user.set(count!.result), { settles: [user] });
      throw new Error('half-built'); // pipe.close() is never reached
    };
    const run = client.pipeline((root) => {
      helper(root);
      return [];
    });
    await expect(run).rejects.toThrow('half-built');
    for (const future of [count!, user]) {
      await expect(future).rejects.toBeInstanceOf(PipelineDiscardedError);
    }
    expect(await client.exists(key)).toBe(0);
  });
});

describe('a root with autoexec: false closed without executing', () => {
  it('sends nothing and rejects every future with PipelineNotExecutedError', async () => {
    const keys = [uniqueKey('a'), uniqueKey('b')];
    let sum: Future<number>;
    let own: Future<number>;
    {
      await using root = pipeline(undefined, { autoexec: false }); // and no execute() below
      sum = incrSum(keys, root);
      own = root.incr(keys[0]!);
    }
    for (const future of [sum, own]) {
      const error = await Promise.resolve(future).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(PipelineNotExecutedError);
      expect(error).toMatchObject({ unsent: 3, reason: 'root' });
      expect(String(error)).toMatch(/3 command\(s\) were never sent.*autoexec/);
    }
    expect(await client.exists(keys)).toBe(0);
  });

  it('in a synchronous helper too: `using` closes the root, the future rejects', async () => {
    const key = uniqueKey('sync');
    const forgetful = (): Future<number> => {
      using pipe = pipeline(undefined, { autoexec: false });
      return pipe.incr(key);
    };
    await expect(forgetful()).rejects.toBeInstanceOf(PipelineNotExecutedError);
    expect(await client.exists(key)).toBe(0);
  });

  it('by default a root executes when its scope ends, `using` included', async () => {
    const key = uniqueKey('default');
    const helper = (): Future<number> => {
      using pipe = pipeline();
      return pipe.incr(key);
    };
    expect(await helper()).toBe(1);
    expect(await client.get(key)).toBe('1');
  });
});
