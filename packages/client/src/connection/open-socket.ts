import { isIP, connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { ConnectionError } from '../errors.js';
import { describeAddress, type ResolvedConnectionOptions } from './connection-options.js';

/** What a socket's bytes are handed to; `chunk` is only valid until the call returns. */
export type SocketDataListener = (socket: Socket, chunk: Buffer) => void;

/**
 * Every TCP and unix socket reads into this one buffer (`onread`), and its listener decodes the
 * bytes before the next read can land: libuv allocates, reads and calls back one socket at a
 * time on the main thread, and the decoder keeps no view of a chunk after `feed()`. Against
 * `'data'` events it saves the 64 KB allocation per read and the Readable stream's push, emit
 * and read-more tick: sequential awaited INCR went from ~22,400 to ~14,500 user-space
 * instructions per command under callgrind (issue 17; bench/results/issue-17-notes.md).
 */
const readBuffer = Buffer.allocUnsafe(64 * 1024);

/**
 * Opens a TCP, TLS or unix socket and resolves once it is connected (for TLS: once the TLS
 * handshake is done), or rejects with a `ConnectionError` after `timeoutMs`. What a TCP or unix
 * socket receives goes to `onData`. A TLS socket reads through `'data'` events, left to the
 * caller: its reads come out of the TLS layer, which `onread` does not reach.
 * @internal
 */
export function openSocket(
  options: ResolvedConnectionOptions,
  timeoutMs: number,
  onData: SocketDataListener,
): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const { host, port, path, tls } = options;
    const onread = {
      buffer: readBuffer,
      callback: (bytes: number, buffer: Uint8Array): boolean => {
        onData(socket, (buffer as Buffer).subarray(0, bytes));
        return true; // keep reading (false would pause the socket)
      },
    };
    const socket: Socket = path
      ? netConnect({ path, onread })
      : tls
        ? // SNI takes host names only; Node warns when given an IP address (DEP0123).
          tlsConnect({ host, port, ...(isIP(host) === 0 && { servername: host }), ...tls })
        : netConnect({ host, port, onread });
    // Stays attached after connecting, so an error emitted before the owner adds its own
    // listeners cannot crash the process; rejecting a settled Promise is a no-op.
    const fail = (cause: Error): void => {
      cleanup();
      socket.destroy();
      const message = `Could not connect to ${describeAddress(options)}: ${cause.message}`;
      reject(new ConnectionError(message, { cause }));
    };
    const timer = setTimeout(() => fail(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
    const connected = (): void => {
      cleanup();
      // Auto-pipelining already batches a tick's commands; Nagle would only add latency.
      socket.setNoDelay(true);
      socket.setKeepAlive(true, 60_000);
      resolve(socket);
    };
    const readyEvent = tls && !path ? 'secureConnect' : 'connect';
    const cleanup = (): void => {
      clearTimeout(timer);
      socket.off(readyEvent, connected);
    };
    socket.once(readyEvent, connected);
    socket.once('error', fail);
  });
}
