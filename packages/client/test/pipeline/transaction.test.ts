import { randomUUID } from 'node:crypto';
import {
  CommandNotAllowedError,
  PipelineError,
  WatchError,
  type Pipeline,
} from '@redspec/pipeline';
import { openPipeline } from '@redspec/pipeline/internal';
import { ExecAbortError, NoPermissionError, ReplyError, WrongTypeError } from '@redspec/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedServer, TestTransport, uniqueKey } from './test-transport.js';

let transport: TestTransport;
beforeAll(async () => {
  transport = await TestTransport.open();
});
afterAll(() => transport.close());

const get = (key: string): Promise<unknown> => transport.shared.call(['GET', key]);

describe('a transaction', () => {
  it('sends MULTI, the commands and EXEC in one batch and settles from EXEC', async () => {
    const key = uniqueKey('tx');
    const pipe = openPipeline(transport, { transaction: true });
    const set = pipe.set(key, '1');
    const incr = pipe.incr(key);
    const before = transport.batches.length;
    expect(await pipe.execute()).toEqual(['OK', 2]);
    expect(transport.batches.length - before).toBe(1);
    expect(transport.batches.at(-1)).toEqual([
      ['MULTI'],
      ['SET', key, '1'],
      ['INCR', key],
      ['EXEC'],
    ]);
    expect([set.result, incr.result]).toEqual(['OK', 2]);
  });

  it('applies the other commands when one fails inside EXEC (WRONGTYPE), and rejects only its future', async () => {
    const text = uniqueKey('text');
    const counter = uniqueKey('counter');
    const pipe = openPipeline(transport, { transaction: true });
    pipe.set(text, 'hello');
    const push = pipe.lpush(text, 'x');
    const incr = pipe.incr(counter);
    const error = await pipe.execute().catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as PipelineError).message).toMatch(
      /^command #2 \(index 1: LPUSH \S+ x\) of the transaction failed: WRONGTYPE /,
    );
    expect((error as PipelineError).failedIndexes).toEqual([1]);
    await expect(push).rejects.toBeInstanceOf(WrongTypeError);
    expect(incr.result).toBe(1);
    expect(await get(text)).toBe('hello');
    expect(await get(counter)).toBe('1');
  });

  describe('aborted at queue time (EXECABORT)', () => {
    it('by an unknown command: nothing applied, the queuing error surfaces, even with raiseOnError false', async (context) => {
      if (transport.server?.product === 'valkey') context.skip(); // Valkey knows CLIENT CAPA
      const key = uniqueKey('abort');
      // Claim a Valkey server, so the pipeline sends what this server lacks.
      transport.pretend = { product: 'valkey', version: '8.1.0', protocol: 3 };
      const pipe = openPipeline(transport, { transaction: true, raiseOnError: false });
      const set = pipe.set(key, '1');
      const capa = pipe.clientCapa('redirect'); // Valkey only: Redis refuses it when queued
      const error = await pipe.execute().catch((failure: unknown) => failure);
      transport.pretend = undefined;
      expect(error).toBeInstanceOf(PipelineError);
      const abort = error as PipelineError;
      expect(abort.message).toMatch(
        /^command #2 \(index 1: CLIENT CAPA redirect\) of the transaction failed: ERR unknown subcommand/,
      );
      expect(abort.message).toMatch(/aborted \(EXECABORT\) and none of its commands ran$/);
      expect(abort.cause).toBeInstanceOf(ReplyError);
      expect(abort.failedIndexes).toEqual([0, 1]);
      await expect(set).rejects.toBeInstanceOf(ExecAbortError);
      await expect(capa).rejects.toBe(abort.cause);
      expect(await get(key)).toBeNull();
    });

    it('by a command the ACL user may not run', async () => {
      const user = `redspec-pipeline-${randomUUID().slice(0, 8)}`;
      await transport.shared.call([
        'ACL',
        'SETUSER',
        user,
        'on',
        '>pw',
        '~*',
        '&*',
        '+@all',
        '-set',
      ]);
      const limited = await TestTransport.open({
        ...sharedServer(),
        username: user,
        password: 'pw',
      });
      try {
        const key = uniqueKey('acl');
        const pipe = openPipeline(limited, { transaction: true });
        const incr = pipe.incr(key);
        pipe.set(key, '5');
        const error = await pipe.execute().catch((failure: unknown) => failure);
        expect(error).toBeInstanceOf(PipelineError);
        expect((error as PipelineError).cause).toBeInstanceOf(NoPermissionError);
        expect((error as PipelineError).message).toMatch(
          /^command #2 \(index 1: SET \S+ 5\) of the transaction failed: NOPERM/,
        );
        await expect(incr).rejects.toBeInstanceOf(ExecAbortError);
        expect(await get(key)).toBeNull();
      } finally {
        limited.close();
        await transport.shared.call(['ACL', 'DELUSER', user]);
      }
    });
  });

  it('refuses NO_MULTI commands at the call, before anything is sent', () => {
    const pipe = openPipeline(transport, { transaction: true });
    expect(() => pipe.save()).toThrow(CommandNotAllowedError);
    expect(() => pipe.save()).toThrow('SAVE cannot be queued inside a transaction');
    expect(pipe.length).toBe(0);
    // Outside a transaction the flag does not apply.
    const plain = openPipeline(transport);
    expect(() => plain.save()).not.toThrow();
    void plain.discard();
  });

  it('refuses the commands the pipeline sends itself, and those that change how replies come', () => {
    // Not in the Pipeline type; plain JavaScript callers still reach the generated methods.
    const pipe = openPipeline(transport, { transaction: true }) as Pipeline &
      Record<string, (...args: unknown[]) => unknown>;
    for (const method of ['multi', 'exec', 'unwatch'])
      expect(() => pipe[method]!()).toThrow(CommandNotAllowedError);
    expect(() => pipe['multi']!()).toThrow(
      'MULTI cannot be queued in a pipeline: the pipeline sends it',
    );
    expect(() => pipe['subscribe']!('news')).toThrow(/SUBSCRIBE cannot be queued in a pipeline/);
    expect(() => pipe['clientReply']!('OFF')).toThrow(CommandNotAllowedError);
    expect(pipe.length).toBe(0);
  });

  it('throws WatchError when another connection writes a watched key, rejecting every future', async () => {
    const key = uniqueKey('watched');
    await transport.shared.call(['SET', key, '10']);
    const pipe = openPipeline(transport);
    await pipe.watch(key);
    expect(pipe.transaction).toBe(true);
    const current = Number(await pipe.immediate.get(key));
    await transport.shared.call(['SET', key, 'changed']);
    const set = pipe.set(key, current + 1);
    const error = await pipe.execute().catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(WatchError);
    expect((error as WatchError).keys).toEqual([key]);
    await expect(set).rejects.toBe(error);
    expect(pipe.results).toEqual([error]);
    expect(await get(key)).toBe('changed');
    expect(transport.outstanding).toBe(0);
  });
});
