import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { RedisReplyError, RedisServerStartError } from './errors.js';
import { isPortFree } from './free-port.js';
import { isProcessRunning as isRunning } from './is-process-running.js';
import { rawCommand, sendRawCommands } from './raw-command.js';
import { startRedisServer } from './redis-server.js';
import type { RedisServerHandle } from './redis-server.js';

const started: RedisServerHandle[] = [];
async function start(options?: Parameters<typeof startRedisServer>[0]): Promise<RedisServerHandle> {
  const server = await startRedisServer(options);
  started.push(server);
  return server;
}
afterAll(() => Promise.all(started.map((server) => server.stop())));

describe('startRedisServer', () => {
  it('starts a server that answers a raw PING, and stops it by pid', async () => {
    const server = await start();
    expect(server.url).toBe(`redis://127.0.0.1:${server.port}`);
    expect(isRunning(server.pid)).toBe(true);
    expect(await sendRawCommands(server, [['PING']])).toEqual(['PONG']);

    await server.stop();
    expect(isRunning(server.pid)).toBe(false);
    expect(await isPortFree(server.port)).toBe(true);
    expect(existsSync(server.dir)).toBe(false);
  });

  it('runs without persistence in its own dir, with extra args applied', async () => {
    const server = await start({ args: ['--maxmemory', '10mb'] });
    const config = (await rawCommand(server, ['CONFIG', 'GET', '*'])) as string[];
    const get = (key: string): string | undefined => config[config.indexOf(key) + 1];
    expect(get('save')).toBe('');
    expect(get('appendonly')).toBe('no');
    expect(get('dir')).toBe(server.dir);
    expect(get('maxmemory')).toBe(String(10 * 1024 * 1024));
  });

  it('restarts on the same port with a new pid', async () => {
    const server = await start({ args: ['--maxmemory', '10mb'] });
    const { port, pid } = server;
    await server.restart();
    expect(server.port).toBe(port);
    expect(server.pid).not.toBe(pid);
    expect(isRunning(pid)).toBe(false);
    expect(await rawCommand(server, ['CONFIG', 'GET', 'maxmemory'])).toEqual([
      'maxmemory',
      String(10 * 1024 * 1024),
    ]);
  });

  it('kills with SIGKILL, and can restart afterwards', async () => {
    const server = await start();
    const { pid } = server;
    await server.kill();
    expect(isRunning(pid)).toBe(false);
    await expect(rawCommand(server, ['PING'])).rejects.toThrow(/ECONNREFUSED/);
    await server.restart();
    expect(await rawCommand(server, ['PING'])).toBe('PONG');
  });

  it('starts a password-protected server', async () => {
    const server = await start({ password: 's3cret' });
    const [reply] = await sendRawCommands(server, [['PING']]);
    expect(reply).toBeInstanceOf(RedisReplyError);
    expect((reply as RedisReplyError).code).toBe('NOAUTH');
    expect(await rawCommand(server, ['PING'])).toBe('PONG'); // rawCommand sends AUTH first
    await expect(rawCommand({ ...server, password: 'wrong' }, ['PING'])).rejects.toThrow(
      /WRONGPASS/,
    );
  });

  it('reports the log tail when the server cannot start', async () => {
    const failure = startRedisServer({ args: ['--no-such-directive', 'x'] });
    await expect(failure).rejects.toBeInstanceOf(RedisServerStartError);
    await expect(failure).rejects.toThrow(/no-such-directive[\s\S]*Bad directive/);
  });

  it('retries nothing when the given port is taken, and says why', async () => {
    const server = await start();
    const failure = startRedisServer({ port: server.port });
    await expect(failure).rejects.toThrow(/already in use/);
  });
});
