import { connect } from 'node:net';
import { RawCommandError, RedisReplyError } from './errors.js';
import { encodeRespCommand, parseReply } from './resp-reply.js';
import type { RawReply } from './resp-reply.js';

/** Where to send raw commands; a `RedisServerHandle` fits as is. */
export interface RawTarget {
  host?: string;
  port: number;
  username?: string;
  password?: string;
}

/** Options for one raw socket round trip. */
export interface RawCommandOptions {
  /** Fail when the replies are not complete after this long. Default 2000 ms. */
  timeoutMs?: number;
}

/**
 * Sends one command over a fresh socket, authenticating first when the target has a
 * password, and resolves its decoded reply. An error reply rejects with `RedisReplyError`.
 * Uses no Redis client, so it can check a server independently of the SDK under test.
 *
 * @example
 * const info = await rawCommand(server, ['CLUSTER', 'INFO']);
 */
export async function rawCommand(
  target: RawTarget,
  args: readonly string[],
  options?: RawCommandOptions,
): Promise<RawReply> {
  const [reply] = await rawCommands(target, [args], options);
  return reply ?? null;
}

/**
 * Like `rawCommand` for several commands pipelined on one socket; resolves one reply each.
 *
 * @example
 * const [info, slots] = await rawCommands(node, [['CLUSTER', 'INFO'], ['CLUSTER', 'SLOTS']]);
 */
export async function rawCommands(
  target: RawTarget,
  commands: readonly (readonly string[])[],
  options?: RawCommandOptions,
): Promise<RawReply[]> {
  const auth = authCommand(target);
  const replies = await sendRawCommands(target, auth ? [auth, ...commands] : commands, options);
  const error = replies.find((reply) => reply instanceof RedisReplyError);
  if (error !== undefined) throw error;
  return auth ? replies.slice(1) : replies;
}

/**
 * Writes `commands` in one go over a fresh socket and resolves one reply per command;
 * error replies are returned as `RedisReplyError` values, not thrown. Sends no AUTH.
 */
export function sendRawCommands(
  target: RawTarget,
  commands: readonly (readonly string[])[],
  { timeoutMs = 2_000 }: RawCommandOptions = {},
): Promise<RawReply[]> {
  const address = `${target.host ?? '127.0.0.1'}:${target.port}`;
  return new Promise((resolve, reject) => {
    const socket = connect({ host: target.host ?? '127.0.0.1', port: target.port });
    const replies: RawReply[] = [];
    let buffer = Buffer.alloc(0);
    let offset = 0;
    // After `resolve`, the later `close` event's rejection is a no-op.
    const fail = (reason: string, cause?: unknown): void => {
      socket.destroy();
      reject(new RawCommandError(`${address}: ${reason}`, commands, { cause }));
    };
    socket.setTimeout(timeoutMs, () => fail(`no complete reply within ${timeoutMs} ms`));
    socket.once('error', (error) => fail(error.message, error));
    socket.once('close', () => fail('connection closed before all replies arrived'));
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      try {
        for (let r = parseReply(buffer, offset); r; r = parseReply(buffer, offset)) {
          replies.push(r.value);
          offset = r.next;
          if (replies.length === commands.length) break;
        }
      } catch (error) {
        fail('malformed reply', error);
        return;
      }
      if (replies.length < commands.length) return;
      resolve(replies);
      socket.destroy();
    });
    socket.write(Buffer.concat(commands.map(encodeRespCommand)));
  });
}

/**
 * Reads host, port and credentials from a `redis://` URL.
 *
 * @example
 * await rawCommand(targetFromUrl(redisUrl()), ['FLUSHALL']);
 */
export function targetFromUrl(url: string): RawTarget {
  const parsed = new URL(url);
  if (parsed.protocol !== 'redis:') throw new Error(`expected a redis:// URL, got ${url}`);
  const decode = (part: string): string | undefined =>
    part === '' ? undefined : decodeURIComponent(part);
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
    port: Number(parsed.port || 6379),
    username: decode(parsed.username),
    password: decode(parsed.password),
  };
}

function authCommand({ username, password }: RawTarget): string[] | undefined {
  if (password === undefined) return undefined;
  return username === undefined ? ['AUTH', password] : ['AUTH', username, password];
}
