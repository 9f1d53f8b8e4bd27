import { isIP, connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { ConnectionError } from '../errors.js';
import { describeAddress, type ResolvedConnectionOptions } from './connection-options.js';

/**
 * Opens a TCP, TLS or unix socket and resolves once it is connected (for TLS: once the TLS
 * handshake is done), or rejects with a `ConnectionError` after `timeoutMs`.
 * @internal
 */
export function openSocket(options: ResolvedConnectionOptions, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const { host, port, path, tls } = options;
    const socket: Socket = path
      ? netConnect({ path })
      : tls
        ? // SNI takes host names only; Node warns when given an IP address (DEP0123).
          tlsConnect({ host, port, ...(isIP(host) === 0 && { servername: host }), ...tls })
        : netConnect({ host, port });
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
