import {
  AuthenticationError,
  createReplyError,
  ReplyError,
  type RedisArgument,
  type RespValue,
  type ServerInfo,
} from '@redspec/types/internal';
import { describeAddress, type ResolvedConnectionOptions } from './connection-options.js';
import { serverInfoFromHello, serverInfoFromInfo } from './server-info.js';

/** Sends commands in one write, ahead of any queued user command; replies come back in place. */
export type HandshakeExchange = (commands: RedisArgument[][]) => Promise<RespValue[]>;

/**
 * Sets a fresh socket up: `HELLO <protocol> [AUTH] [SETNAME]` then `SELECT`, pipelined in one
 * round trip. Servers without `HELLO` (before 6.0) or without RESP3 get the RESP2 sequence
 * instead: `AUTH`, `CLIENT SETNAME`, `SELECT`, `INFO server`, so the server version is always
 * known. Rejects with the server's error, e.g. `AuthenticationError`.
 */
export async function handshake(
  exchange: HandshakeExchange,
  options: ResolvedConnectionOptions,
): Promise<ServerInfo> {
  const select: RedisArgument[][] = options.db !== 0 ? [['SELECT', options.db]] : [];
  // HELLO names the server and its version without INFO, which a user restricted to the app's
  // own commands may not run; it needs no permission of its own.
  const hello: RedisArgument[] = ['HELLO', options.protocol];
  if (options.password !== undefined) {
    hello.push('AUTH', options.username ?? 'default', options.password);
  }
  if (options.clientName !== undefined) hello.push('SETNAME', options.clientName);
  const [helloReply, ...rest] = await exchange([hello, ...select]);
  if (!(helloReply instanceof ReplyError)) {
    checkReplies(rest, ['SELECT'], options);
    return serverInfoFromHello(helloReply ?? null);
  }
  if (!isHelloUnsupported(helloReply)) throw explain(helloReply, 'HELLO', options);
  return legacyHandshake(exchange, options, select);
}

/** Servers before 6.0 (no HELLO) or without RESP3: AUTH, CLIENT SETNAME, SELECT, INFO. */
async function legacyHandshake(
  exchange: HandshakeExchange,
  options: ResolvedConnectionOptions,
  select: RedisArgument[][],
): Promise<ServerInfo> {
  const commands: RedisArgument[][] = [];
  if (options.password !== undefined) {
    commands.push(
      options.username === undefined
        ? ['AUTH', options.password]
        : ['AUTH', options.username, options.password],
    );
  }
  if (options.clientName !== undefined) commands.push(['CLIENT', 'SETNAME', options.clientName]);
  commands.push(...select, ['INFO', 'server']);
  const replies = await exchange(commands);
  checkReplies(
    replies,
    commands.map((command) => String(command[0])),
    options,
  );
  return serverInfoFromInfo(replies[replies.length - 1] ?? null, 2);
}

/** `ERR unknown command 'HELLO'` before Redis 6; `NOPROTO` where RESP3 is not offered. */
function isHelloUnsupported(error: ReplyError): boolean {
  return error.code === 'NOPROTO' || /unknown command/i.test(error.message);
}

function checkReplies(
  replies: readonly RespValue[],
  names: readonly string[],
  options: ResolvedConnectionOptions,
): void {
  replies.forEach((reply, i) => {
    if (reply instanceof ReplyError) throw explain(reply, names[i] ?? 'handshake', options);
  });
}

/** Adds where and as whom we connected, which the server's message leaves out. */
function explain(
  error: ReplyError,
  command: string,
  options: ResolvedConnectionOptions,
): ReplyError {
  const as =
    options.password === undefined ? 'without a password' : `as '${options.username ?? 'default'}'`;
  const detail =
    error instanceof AuthenticationError
      ? `connecting to ${describeAddress(options)} ${as}`
      : `${command} while connecting to ${describeAddress(options)}`;
  const explained = createReplyError(`${error.message} (${detail})`);
  explained.command = command;
  return explained;
}
