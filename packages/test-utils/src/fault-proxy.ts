import { createServer, connect, type Server, type Socket } from 'node:net';

/** What the proxy does with traffic: pass it, hold it (sockets stay open), or swallow it. */
export type ProxyMode = 'forward' | 'stall' | 'blackhole';

/** A TCP proxy in front of a server, for fault tests. */
export interface FaultProxy {
  readonly host: string;
  readonly port: number;
  /** `redis://127.0.0.1:<port>`. */
  readonly url: string;
  /** Connections from clients currently open. */
  readonly connections: number;
  /**
   * `forward` passes bytes both ways; `stall` stops passing them (held, delivered on
   * `forward`); `blackhole` drops them, and new connections are accepted but never reach the
   * server, as packets lost on the way would leave them.
   */
  setMode(mode: ProxyMode): void;
  /** Cuts every connection once it has passed `bytes` more bytes from the server to the client. */
  cutAfter(bytes: number): void;
  /**
   * Cuts every connection once it has passed `bytes` more bytes from the client to the server:
   * the server gets the start of a request (a command may end halfway) and then its client goes.
   */
  cutRequestAfter(bytes: number): void;
  /** Destroys every open connection now (the server sees its clients go). */
  cutAll(): void;
  close(): Promise<void>;
}

interface Pair {
  readonly client: Socket;
  upstream: Socket | undefined;
  /** Bytes held while stalled: [toServer, toClient]. */
  readonly held: [Buffer[], Buffer[]];
}

/**
 * Starts a TCP proxy on a free loopback port in front of `target`.
 *
 * @example
 * const proxy = await startFaultProxy({ host: server.host, port: server.port });
 * const client = createClient(proxy.url);
 * proxy.setMode('stall'); // the client's next command gets no reply
 */
export async function startFaultProxy(target: { host: string; port: number }): Promise<FaultProxy> {
  let mode: ProxyMode = 'forward';
  /** Bytes each direction may still pass before every connection is cut: [toServer, toClient]. */
  const budgets: [number | undefined, number | undefined] = [undefined, undefined];
  const pairs = new Set<Pair>();

  /** Passes `chunk` on to `to` (direction 0: to the server, 1: to the client), or holds it. */
  const pass = (pair: Pair, direction: 0 | 1, to: Socket | undefined, chunk: Buffer): void => {
    if (mode === 'blackhole') return;
    if (mode === 'stall' || to === undefined) {
      pair.held[direction].push(chunk);
      return;
    }
    const budget = budgets[direction];
    if (budget !== undefined && chunk.length >= budget) {
      to.write(chunk.subarray(0, budget));
      budgets[direction] = undefined;
      destroy(pair);
      return;
    }
    if (budget !== undefined) budgets[direction] = budget - chunk.length;
    to.write(chunk);
  };
  const destroy = (pair: Pair): void => {
    pair.client.destroy();
    pair.upstream?.destroy();
    pairs.delete(pair);
  };
  const flush = (pair: Pair): void => {
    for (const chunk of pair.held[0].splice(0)) pass(pair, 0, pair.upstream, chunk);
    for (const chunk of pair.held[1].splice(0)) pass(pair, 1, pair.client, chunk);
  };

  const server: Server = createServer((client) => {
    const pair: Pair = { client, upstream: undefined, held: [[], []] };
    pairs.add(pair);
    client.on('data', (chunk: Buffer) => pass(pair, 0, pair.upstream, chunk));
    client.on('error', () => destroy(pair));
    client.on('close', () => destroy(pair));
    if (mode === 'blackhole') return; // never reaches the server
    const upstream = connect(target.port, target.host, () => flush(pair));
    pair.upstream = upstream;
    upstream.on('data', (chunk: Buffer) => pass(pair, 1, pair.client, chunk));
    upstream.on('error', () => destroy(pair));
    upstream.on('close', () => destroy(pair));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;

  return {
    host: '127.0.0.1',
    port,
    url: `redis://127.0.0.1:${port}`,
    get connections() {
      return pairs.size;
    },
    setMode(next) {
      mode = next;
      if (next === 'forward') for (const pair of pairs) flush(pair);
      if (next === 'blackhole')
        for (const pair of pairs) pair.held.forEach((held) => held.splice(0));
    },
    cutAfter(bytes) {
      budgets[1] = bytes;
    },
    cutRequestAfter(bytes) {
      budgets[0] = bytes;
    },
    cutAll() {
      for (const pair of [...pairs]) destroy(pair);
    },
    close() {
      for (const pair of [...pairs]) destroy(pair);
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
