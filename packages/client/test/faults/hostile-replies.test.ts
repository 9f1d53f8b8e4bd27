import { bulk, startFakeRespServer, type FakeRespServer } from '@redspec/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createClient,
  ProtocolError,
  ReplyTooLongError,
  type RedisClient,
} from '../../src/index.js';
import { settleWithin } from './settle.js';

/** Past the longest JavaScript string (2^29 - 24 chars), within the server's 512 MB bulk limit. */
const TOO_LONG = 536_870_900;

describe('hostile or oversized replies', () => {
  let fake: FakeRespServer | undefined;
  let client: RedisClient | undefined;
  afterEach(async () => {
    client?.disconnect();
    await fake?.close();
  });

  it(
    'a reply longer than a JavaScript string fails its command only; the connection stays in step',
    { timeout: 60_000 },
    async () => {
      fake = await startFakeRespServer((command, socket) => {
        if (command[0] === 'GET' && command[1] === 'huge') {
          socket.write(`$${TOO_LONG}\r\n`);
          const chunk = Buffer.alloc(16 * 1024 * 1024, 'a');
          for (let sent = 0; sent < TOO_LONG; sent += chunk.length) {
            socket.write(chunk.subarray(0, Math.min(chunk.length, TOO_LONG - sent)));
          }
          return '\r\n';
        }
        if (command[0] === 'PING') return '+PONG\r\n';
        return undefined;
      });
      client = createClient({ url: fake.url, commandTimeout: 50_000 });
      const [huge, after] = await Promise.allSettled([client.get('huge'), client.ping()]);
      expect(huge.status === 'rejected' && huge.reason).toBeInstanceOf(ReplyTooLongError);
      expect(String((huge as PromiseRejectedResult).reason)).toMatch(/withBuffers/);
      expect(after).toEqual({ status: 'fulfilled', value: 'PONG' });
      const raw = await client.withBuffers().get('huge');
      expect(raw?.length).toBe(TOO_LONG);
    },
  );

  it(
    'a declared 4 GB string, a line that never ends, a 400-digit integer: protocol errors, no memory spent, then recovery',
    { timeout: 30_000 },
    async () => {
      let answer = 0;
      fake = await startFakeRespServer((command, socket) => {
        if (command[0] !== 'GET') return command[0] === 'PING' ? '+PONG\r\n' : undefined;
        answer++;
        if (answer === 1) return '$4294967296\r\n' + 'x'.repeat(1024);
        if (answer === 2) {
          const junk = Buffer.alloc(1024 * 1024, 'y');
          socket.write('+');
          for (let i = 0; i < 4; i++) socket.write(junk);
          return undefined;
        }
        if (answer === 3) return `:${'9'.repeat(400)}\r\n`;
        return bulk('fine');
      });
      client = createClient({ url: fake.url, commandTimeout: 5_000 });
      const errors: Error[] = [];
      for (let i = 0; i < 3; i++) {
        const settled = await settleWithin(client.get('k'), 5_000);
        expect(settled.status, `answer ${i + 1}`).toBe('rejected');
        if (settled.status === 'rejected') errors.push(settled.error);
      }
      expect(errors.map((error) => error.message)).toEqual([
        expect.stringMatching(
          /connection lost.*bulk string of 4294967296 bytes is longer than maxBulkLength/,
        ),
        expect.stringMatching(/connection lost.*line longer than maxLineLength/),
        expect.stringMatching(/connection lost.*Invalid RESP integer/),
      ]);
      expect(errors.every((error) => (error.cause as Error) instanceof ProtocolError)).toBe(true);
      expect(await client.get('k')).toBe('fine');
    },
  );
});
