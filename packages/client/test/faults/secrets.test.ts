import { redisUrl, startRedisServer } from '@redspec/test-utils';
import { describe, expect, it } from 'vitest';
import { PipelineError, ReplyError, createClient } from '../../src/index.js';

const SECRET = 'hunter2-do-not-log';

/** Everything a user could log about an error: message, stack, and the same of its causes. */
function loggable(error: unknown): string {
  const parts: string[] = [];
  for (let current = error; current instanceof Error; current = current.cause) {
    parts.push(
      current.message,
      current.stack ?? '',
      JSON.stringify((current as ReplyError).args ?? ''),
    );
  }
  return parts.join('\n');
}

describe('secrets never reach an error a user can log', () => {
  it('a failing AUTH sent raw', async () => {
    const client = createClient(redisUrl());
    try {
      const error = await client.sendCommand(['AUTH', 'nobody', SECRET]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ReplyError);
      expect((error as ReplyError).args).toEqual(['AUTH', '<redacted>', '<redacted>']);
      expect(loggable(error)).not.toContain(SECRET);
    } finally {
      await client.quit();
    }
  });

  it('ACL SETUSER and CONFIG SET requirepass in a failing pipeline', async () => {
    const server = await startRedisServer();
    const client = createClient(server.url);
    try {
      const error = await client
        .pipeline((p) => [
          p.configSet({ requirepass: SECRET, 'no-such-parameter': 'x' }),
          p.aclSetuser('u', [`>${SECRET}`, 'bogus-rule']),
        ])
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PipelineError);
      expect((error as PipelineError).message).toMatch(/<redacted>/);
      expect(loggable(error)).not.toContain(SECRET);
      for (const result of (error as PipelineError).results)
        expect(loggable(result)).not.toContain(SECRET);
    } finally {
      await client.quit();
      await server.stop();
    }
  });

  it('a URL that does not parse', () => {
    const error = (() => {
      try {
        createClient(`redis://user:${SECRET}@bad host:6379`);
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(TypeError);
    expect(loggable(error)).not.toContain(SECRET);
  });

  it('a wrong password at connect', async () => {
    const server = await startRedisServer({ password: 'right' });
    try {
      const error = await createClient({ url: server.url, password: SECRET })
        .connect()
        .catch((e: unknown) => e);
      expect(loggable(error)).toMatch(/WRONGPASS/);
      expect(loggable(error)).not.toContain(SECRET);
    } finally {
      await server.stop();
    }
  });
});
