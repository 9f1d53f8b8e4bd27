import { startRedisServer } from '@redspec/test-utils';
import { describe, expect, it } from 'vitest';
import { AuthenticationError, ConnectionClosedError, createClient } from '../../src/index.js';

describe('a client closed for good says why, in every later error', () => {
  it('after its reconnect attempts ran out', { timeout: 30_000 }, async () => {
    const server = await startRedisServer();
    const client = createClient({
      url: server.url,
      reconnect: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 20 },
    });
    await client.ping();
    await server.stop();
    const firstFailure = await client.ping().catch((error: Error) => error);
    expect(firstFailure).toBeInstanceOf(Error);
    // Wait for the attempts to run out, then every command says what happened.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const later = await client.get('k').catch((error: Error) => error);
    expect(later).toBeInstanceOf(ConnectionClosedError);
    expect(String(later)).toMatch(
      /closed \(gave up after 2 reconnect attempts \(Could not connect/,
    );
    client.disconnect();
  });

  it('after the server refused its password', async () => {
    const server = await startRedisServer({ password: 'right' });
    try {
      const client = createClient({ url: server.url, password: 'wrong' });
      const first = await client.get('k').catch((error: Error) => error);
      expect(first).toBeInstanceOf(AuthenticationError);
      const later = await client.get('k').catch((error: Error) => error);
      expect(String(later)).toMatch(/the server refused the connection: WRONGPASS/);
      expect(String(later)).not.toContain("'wrong'");
    } finally {
      await server.stop();
    }
  });
});
