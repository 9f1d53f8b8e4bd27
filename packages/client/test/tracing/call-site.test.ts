import { redisUrl } from '@redspec/test-utils';
import { describe, expect, it } from 'vitest';
import { createClient, WrongTypeError, type RedisClient } from '../../src/index.js';

async function loadProfileForCallSiteTest(client: RedisClient): Promise<unknown> {
  await client.set('callsite:string', 'not a hash');
  return client.hgetall('callsite:string');
}

async function countVisitsInPipelineForCallSiteTest(client: RedisClient): Promise<unknown> {
  // Awaited here: V8's async stack traces follow awaits, not returned promises.
  return await client.pipeline((p) => [p.hgetall('callsite:string')]);
}

async function failureOf(work: Promise<unknown>): Promise<Error> {
  const error = await work.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof Error)) throw new Error('expected the call to fail');
  return error;
}

describe('captureCallSite', () => {
  it("a reply error's stack names the function that called the command", async () => {
    const client = createClient({ url: redisUrl(), captureCallSite: true });
    const error = await failureOf(loadProfileForCallSiteTest(client));
    await client.quit();

    expect(error).toBeInstanceOf(WrongTypeError);
    const [decoder, caller] = error.stack!.split('--- called from ---');
    expect(decoder).toContain('WrongTypeError: WRONGTYPE');
    expect(caller).toContain('loadProfileForCallSiteTest');
    expect(caller).toContain('call-site.test.ts');
    // The client's own frames are left out, so Error.stackTraceLimit keeps the caller's.
    expect(caller).not.toMatch(/redis-connection|standalone-backend|call-site\.ts/);
  });

  it('a pipeline error names its caller with or without it: async frames', async () => {
    const client = createClient(redisUrl());
    await client.set('callsite:string', 'not a hash');
    const error = await failureOf(countVisitsInPipelineForCallSiteTest(client));
    await client.quit();

    expect(error.stack).toContain('countVisitsInPipelineForCallSiteTest');
  });

  it('without it, Node 20 shows only the decoder: no async frame reaches the caller', async () => {
    const client = createClient(redisUrl());
    const error = await failureOf(loadProfileForCallSiteTest(client));
    await client.quit();

    expect(error).toBeInstanceOf(WrongTypeError);
    expect(error.stack).toContain('RespDecoder');
    expect(error.stack).not.toContain('loadProfileForCallSiteTest');
  });
});
