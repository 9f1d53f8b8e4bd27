import { getFreePort, redisUrl, startRedisServer, waitUntil } from '@redspec/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createClient,
  traceChannels,
  WrongTypeError,
  type BatchTraceContext,
  type CommandTraceContext,
  type ConnectTraceContext,
} from '../../src/index.js';
import { recordTraces } from './trace-recorder.js';

const port = (): number => Number(new URL(redisUrl()).port);
const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

function record<TContext extends object>(name: string) {
  const recorder = recordTraces<TContext>(name);
  stops.push(recorder.stop);
  return recorder.operations;
}

describe('tracing channels', () => {
  it('redspec:command: name, redacted args, server, result, duration, in call order', async () => {
    const commands = record<CommandTraceContext>(traceChannels.command);
    const client = createClient(redisUrl());
    await client.set('trace:a', 'one');
    const value = await client.get('trace:a');
    await client.quit();

    const mine = commands.filter((op) => op.context.args[1] === 'trace:a');
    expect(mine.map((op) => op.context.command)).toEqual(['SET', 'GET']);
    expect(mine[1]!.context).toMatchObject({
      command: 'GET',
      args: ['GET', 'trace:a'],
      serverAddress: '127.0.0.1',
      serverPort: port(),
      database: 0,
      result: value,
    });
    for (const op of mine) {
      expect(op.events).toEqual(['start', 'end', 'asyncStart', 'asyncEnd']);
      expect(op.endedAt - op.startedAt).toBeGreaterThan(0);
    }
    // Sequential calls: the second starts after the first ended.
    expect(mine[1]!.startedAt).toBeGreaterThanOrEqual(mine[0]!.endedAt);
  });

  it('a failed command publishes error with the ReplyError, then asyncEnd', async () => {
    const commands = record<CommandTraceContext>(traceChannels.command);
    const client = createClient(redisUrl());
    await client.set('trace:string', 'x');
    const failure = await client.hgetall('trace:string').catch((error: unknown) => error);
    await client.quit();

    const op = commands.find((each) => each.context.command === 'HGETALL')!;
    expect(failure).toBeInstanceOf(WrongTypeError);
    expect(op.context.error).toBe(failure);
    expect(op.events).toEqual(['start', 'end', 'error', 'asyncStart', 'asyncEnd']);
  });

  it('passwords never reach a subscriber: AUTH, CONFIG SET requirepass, ACL SETUSER', async () => {
    const server = await startRedisServer();
    const commands = record<CommandTraceContext>(traceChannels.command);
    const connects = record<ConnectTraceContext>(traceChannels.connect);
    const client = createClient(server.url);
    await client.configSet({ requirepass: 'first-secret' });
    await client.auth('first-secret');
    await client.aclSetuser('tracer', ['on', '>second-secret', '~*', '+@all']);
    await client.auth('second-secret', { username: 'tracer' });
    await client.configSet({ requirepass: '' });
    await client.quit();
    // A fresh client authenticating in its handshake: HELLO … AUTH is never traced as a command.
    const authed = createClient({ url: server.url, username: 'tracer', password: 'second-secret' });
    await authed.ping();
    await authed.quit();
    await server.stop();

    const seen = JSON.stringify([...commands, ...connects].map((op) => op.context));
    expect(seen).not.toContain('first-secret');
    expect(seen).not.toContain('second-secret');
    const names = commands.map((op) => op.context.command);
    expect(names).toEqual(['CONFIG SET', 'AUTH', 'ACL SETUSER', 'AUTH', 'CONFIG SET', 'PING']);
    expect(commands[1]!.context.args).toEqual(['AUTH', '<redacted>']);
    expect(commands[0]!.context.args).toEqual(['CONFIG', 'SET', 'requirepass', '<redacted>']);
  });

  it('redspec:batch: one context per pipeline or transaction, with size and names', async () => {
    const batches = record<BatchTraceContext>(traceChannels.batch);
    const commands = record<CommandTraceContext>(traceChannels.command);
    const client = createClient(redisUrl());
    await client.pipeline((p) => [p.set('trace:p', '1'), p.incr('trace:p'), p.get('trace:p')]);
    await client.transaction((t) => [t.incr('trace:p'), t.get('trace:p')]);
    await client.quit();

    const mine = batches.filter((op) => op.context.serverPort === port());
    expect(mine.map(({ context }) => [context.batchSize, context.transaction])).toEqual([
      [3, false],
      [2, true],
    ]);
    expect(mine[0]!.context.commands).toEqual(['SET', 'INCR', 'GET']);
    expect(mine[1]!.context.result?.exec).toEqual([3, '3']);
    expect(mine.every((op) => op.endedAt > op.startedAt)).toBe(true);
    // Commands of a batch are not published one by one as well.
    expect(commands.filter((op) => op.context.args[1] === 'trace:p')).toEqual([]);
  });

  it('redspec:connect: the first attempt, and failed ones with their error', async () => {
    const connects = record<ConnectTraceContext>(traceChannels.connect);
    const client = createClient(redisUrl());
    await client.ping();
    await client.quit();
    const nobody = await getFreePort();
    const refused = createClient({ port: nobody, reconnect: { baseDelayMs: 10, maxAttempts: 2 } });
    await expect(refused.connect()).rejects.toThrow();
    await waitUntil(
      'three attempts',
      async () => connects.filter((op) => op.context.serverPort === nobody).length === 3,
    );
    refused.disconnect();

    const ok = connects.find((op) => op.context.serverPort === port())!;
    expect(ok.context).toMatchObject({ attempt: 0, tls: false, database: 0 });
    expect(ok.context.error).toBeUndefined();
    expect(ok.endedAt).toBeGreaterThan(ok.startedAt);
    const failed = connects.filter((op) => op.context.serverPort === nobody);
    await waitUntil('the last attempt to end', async () => failed.every((op) => op.endedAt > 0));
    expect(failed.map((op) => op.context.attempt)).toEqual([0, 1, 2]);
    for (const op of failed) {
      expect(op.context.error).toBeInstanceOf(Error);
      expect(op.events).toContain('error');
    }
  });

  it('nothing is published, and no context built, without a subscriber', async () => {
    const client = createClient(redisUrl());
    const recorder = recordTraces<CommandTraceContext>(traceChannels.command);
    recorder.stop();
    await client.get('trace:none');
    await client.quit();
    expect(recorder.operations).toEqual([]);
  });
});
