import {
  rawCommand,
  startRedisServer,
  waitUntil,
  type RedisServerHandle,
} from '@redspec/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AbortError, RedspecError, createClient, type RedisClient } from '../../src/index.js';

/** Connections the server has, and those blocked in `command`, from CLIENT LIST. */
async function connections(server: RedisServerHandle, command = ''): Promise<number> {
  const list = String(await rawCommand(server, ['CLIENT', 'LIST']));
  const lines = list.split('\n').filter((line) => line.includes(' cmd='));
  if (command === '') return lines.length;
  // Blocked now (flag b), not merely idle after an earlier test's `command` on a pooled connection.
  return lines.filter((l) => l.includes(` cmd=${command} `) && / flags=\w*b/.test(l)).length;
}

/** Calls of `command` so far, from INFO commandstats. */
async function calls(server: RedisServerHandle, command: string): Promise<number> {
  const info = String(await rawCommand(server, ['INFO', 'commandstats']));
  return Number(new RegExp(`^cmdstat_${command}:calls=(\\d+)`, 'm').exec(info)?.[1] ?? 0);
}

const rejection = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

/** A server of its own, so CLIENT LIST and commandstats count this file's doings only. */
describe('cancelling commands with an AbortSignal', () => {
  let server: RedisServerHandle;
  let client: RedisClient;

  beforeAll(async () => {
    server = await startRedisServer();
    client = createClient(server.url);
  });
  afterAll(async () => {
    await client?.quit();
    await server?.stop();
  });

  it('rejects a blocked BLPOP at once, closes its connection, and keeps the pool usable', async () => {
    // Ten cycles with the default pool of 8: a leaked connection would exhaust it.
    for (let cycle = 0; cycle < 10; cycle++) {
      const reason = new Error(`cycle ${cycle}`);
      const controller = new AbortController();
      const blpop = client.withSignal(controller.signal).blpop('abort:none', 0);
      await waitUntil('BLPOP to block', async () => (await connections(server, 'blpop')) === 1);
      const aborted = performance.now();
      controller.abort(reason);
      const error = await rejection(blpop);
      expect(performance.now() - aborted).toBeLessThan(1000);
      expect(error).toBeInstanceOf(AbortError);
      expect(error).toBeInstanceOf(RedspecError);
      expect(error).toMatchObject({
        name: 'AbortError',
        command: 'BLPOP',
        cause: reason,
        written: true,
      });
      // The server sees the blocked connection closed.
      await waitUntil('the blocked connection to close', async () =>
        (await connections(server, 'blpop')) === 0 ? true : 'still blocked',
      );
    }
    // Only the shared connection and the redis-cli-like raw ones remain: no pooled leftovers.
    await waitUntil('aborted connections to go', async () => (await connections(server)) <= 2);
    // The pool still lends connections: a BLPOP that gets an element returns it.
    const served = client.blpop('abort:list', 5);
    await client.rpush('abort:list', 'job');
    expect(await served).toEqual(['abort:list', 'job']);
  }, 30_000);

  it('sends nothing for an already aborted signal', async () => {
    const reason = new Error('too late');
    const signal = AbortSignal.abort(reason);
    await client.ping();
    const before = await calls(server, 'incrby');
    const error = await rejection(client.withSignal(signal).incrby('abort:never', 5));
    expect(error).toMatchObject({ name: 'AbortError', command: 'INCRBY', written: false });
    expect((error as AbortError).cause).toBe(reason);
    const blocked = await rejection(client.withSignal(signal).blpop('abort:none', 0));
    expect(blocked).toMatchObject({ name: 'AbortError', command: 'BLPOP', written: false });
    expect(await calls(server, 'incrby')).toBe(before);
    expect(await client.exists('abort:never')).toBe(0);
  });

  it('drops a command not yet written, on a client not yet connected', async () => {
    const cold = createClient(server.url);
    try {
      const controller = new AbortController();
      const set = cold.withSignal(controller.signal).set('abort:cold', 'x');
      controller.abort();
      expect(await rejection(set)).toMatchObject({ name: 'AbortError', written: false });
      // Later commands on that connection still work, and the aborted one never ran.
      expect(await cold.get('abort:cold')).toBeNull();
    } finally {
      await cold.quit();
    }
  });

  it('rejects a written non-blocking command, reading its reply off the connection', async () => {
    await client.del('abort:counter');
    const controller = new AbortController();
    const incr = client.withSignal(controller.signal).incr('abort:counter');
    const next = client.incrby('abort:counter', 10);
    controller.abort();
    expect(await rejection(incr)).toMatchObject({ name: 'AbortError', written: true });
    // It ran, and the reply after it went to its own caller.
    expect(await next).toBe(11);
    expect(await client.get('abort:counter')).toBe('11');
  });

  it('ends a wait for a dedicated connection', async () => {
    const small = createClient({ url: server.url, dedicatedConnections: 1 });
    try {
      const holder = new AbortController();
      const first = small.withSignal(holder.signal).blpop('abort:none', 0);
      await waitUntil(
        'the first BLPOP to block',
        async () => (await connections(server, 'blpop')) === 1,
      );
      const waiter = new AbortController();
      const second = small.withSignal(waiter.signal).brpop('abort:none', 0);
      waiter.abort();
      expect(await rejection(second)).toMatchObject({ name: 'AbortError', written: false });
      holder.abort();
      expect(await rejection(first)).toMatchObject({ name: 'AbortError', written: true });
      // The pool of one opens a fresh connection for the next borrower.
      const served = small.blpop('abort:small', 5);
      await small.rpush('abort:small', 'x');
      expect(await served).toEqual(['abort:small', 'x']);
    } finally {
      await small.quit();
    }
  });

  it('cancels XREAD BLOCK and WAIT too', async () => {
    const controller = new AbortController();
    const view = client.withSignal(controller.signal);
    const xread = view.xread({ key: 'abort:stream', id: '$' }, { block: 0 });
    const wait = view.wait(1, 0);
    await waitUntil('both to block', async () => (await connections(server, 'xread')) === 1);
    controller.abort();
    expect(await rejection(xread)).toMatchObject({ name: 'AbortError', command: 'XREAD' });
    expect(await rejection(wait)).toMatchObject({ name: 'AbortError', command: 'WAIT' });
  });

  it('shares one signal between many commands without a listener-leak warning', async () => {
    const warnings: Error[] = [];
    const record = (warning: Error): void => void warnings.push(warning);
    process.on('warning', record);
    try {
      const controller = new AbortController();
      const view = client.withSignal(controller.signal);
      const keys = [...Array(50).keys()].map((i) => `abort:many:${i}`);
      expect(await Promise.all(keys.map((key) => view.get(key)))).toEqual(keys.map(() => null));
      const pending = keys.map((key) => rejection(view.incr(key)));
      controller.abort();
      for (const error of await Promise.all(pending)) expect(error).toBeInstanceOf(AbortError);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
    } finally {
      process.off('warning', record);
    }
  });

  it('keeps withBuffers and withSignal together', async () => {
    await client.set('abort:bin', Buffer.from([1, 2]));
    const controller = new AbortController();
    const view = client.withBuffers().withSignal(controller.signal);
    expect(await view.get('abort:bin')).toEqual(Buffer.from([1, 2]));
    controller.abort();
    expect(await rejection(view.get('abort:bin'))).toBeInstanceOf(AbortError);
  });
});
