import { createServer, type Server, type Socket } from 'node:net';
import { parseReply, type RawReply } from './resp-reply.js';

/** How the fake server answers one command: raw bytes, or nothing (it stays silent). */
export type FakeAnswer = string | Buffer | undefined;

/** A fake server's answers, by command. */
export type FakeHandler = (command: string[], socket: Socket) => FakeAnswer | Promise<FakeAnswer>;

/** A RESP server that answers what the test says, for replies no real server would send. */
export interface FakeRespServer {
  readonly port: number;
  readonly url: string;
  /** Every command received, in order. */
  readonly received: string[][];
  /** Sockets currently open. */
  readonly sockets: ReadonlySet<Socket>;
  close(): Promise<void>;
}

/**
 * The handshake of a RESP2 server with version 7.0.15: HELLO is unknown (so the client falls
 * back to RESP2), INFO answers `redis_version`, CLIENT SETNAME and SELECT answer OK. Undefined
 * for other commands.
 */
export function handshakeAnswer(command: string[]): FakeAnswer {
  const name = command[0]?.toUpperCase();
  if (name === 'HELLO') return "-ERR unknown command 'HELLO'\r\n";
  if (name === 'INFO') return bulk('# Server\r\nredis_version:7.0.15\r\n');
  if (name === 'CLIENT' || name === 'SELECT' || name === 'AUTH') return '+OK\r\n';
  return undefined;
}

/** A RESP bulk string. */
export const bulk = (text: string): string => `$${Buffer.byteLength(text)}\r\n${text}\r\n`;

/**
 * Starts a RESP server on a free loopback port that answers each command with `handler`'s
 * bytes, the handshake with `handshakeAnswer` unless the handler answers it.
 *
 * @example
 * const fake = await startFakeRespServer((command) => (command[0] === 'GET' ? '$-1\r\n' : '+OK\r\n'));
 */
export async function startFakeRespServer(handler: FakeHandler): Promise<FakeRespServer> {
  const received: string[][] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    let pending = Buffer.alloc(0);
    let chain = Promise.resolve();
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      for (;;) {
        const parsed = parseReply(pending);
        if (parsed === undefined) break;
        pending = pending.subarray(parsed.next);
        const command = (parsed.value as RawReply[]).map(String);
        received.push(command);
        // Answers go out in order even when a handler takes its time.
        chain = chain.then(async () => {
          const answer = (await handler(command, socket)) ?? handshakeAnswer(command);
          if (answer !== undefined && !socket.destroyed) socket.write(answer);
        });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    received,
    sockets,
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
