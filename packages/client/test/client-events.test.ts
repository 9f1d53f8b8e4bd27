import { rawCommand, startRedisServer, waitUntil } from '@redspec/test-utils';
import { describe, expect, it } from 'vitest';
import { createClient, type ReconnectingEvent } from '../src/index.js';

describe('client events', () => {
  it('ready, reconnecting, error and end, in the order the connection lives them', async () => {
    const server = await startRedisServer();
    const client = createClient({ url: server.url, clientName: 'events' });
    const seen: string[] = [];
    const reconnecting: ReconnectingEvent[] = [];
    client.on('ready', (info) => seen.push(`ready ${info.product}`));
    client.on('reconnecting', (event) => {
      seen.push('reconnecting');
      reconnecting.push(event);
    });
    client.on('error', (error) => seen.push(`error ${error.name}`));
    client.on('end', (error) => seen.push(`end ${String(error)}`));
    await client.ping();
    await rawCommand(server, ['CLIENT', 'KILL', 'TYPE', 'normal']);
    await waitUntil(
      'the client to come back',
      async () => seen.filter((e) => e.startsWith('ready')).length === 2,
    );
    await client.quit();
    await server.stop();
    expect(seen).toEqual([
      'ready redis',
      'error ConnectionError',
      'reconnecting',
      'ready redis',
      'end undefined',
    ]);
    expect(reconnecting[0]).toMatchObject({ attempt: 1 });
  });

  it('an error nobody listens to is dropped, not thrown', async () => {
    const server = await startRedisServer();
    const client = createClient(server.url);
    await client.ping();
    await rawCommand(server, ['CLIENT', 'KILL', 'TYPE', 'normal']); // would be an unhandled 'error'
    await waitUntil('the client to come back', async () => (await client.ping()) === 'PONG');
    await client.quit();
    await server.stop();
  });

  it('once() and off() detach listeners', async () => {
    const server = await startRedisServer();
    const client = createClient(server.url);
    let once = 0;
    let removed = 0;
    const listener = (): void => void removed++;
    client.once('ready', () => void once++);
    client.on('ready', listener);
    client.off('ready', listener);
    await client.ping();
    await client.quit();
    await server.stop();
    expect([once, removed]).toEqual([1, 0]);
  });
});
