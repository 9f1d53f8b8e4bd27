import { createServer } from 'node:net';

/** Redis Cluster listens for its node-to-node bus on the client port plus this offset. */
export const CLUSTER_BUS_PORT_OFFSET = 10_000;

const HOST = '127.0.0.1';
const MAX_TCP_PORT = 65_535;

/**
 * Asks the OS for a free TCP port on 127.0.0.1 by listening on port 0 and closing again.
 *
 * @example
 * const port = await getFreePort();
 */
export async function getFreePort(): Promise<number> {
  return listenAndClose(0);
}

/**
 * Finds a free port whose cluster bus port (`port + 10000`) is free as well.
 *
 * @example
 * const port = await getFreeClusterPort(); // port and port + 10000 are both free
 */
export async function getFreeClusterPort(
  exclude: ReadonlySet<number> = new Set(),
): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = await getFreePort();
    const bus = port + CLUSTER_BUS_PORT_OFFSET;
    if (bus > MAX_TCP_PORT || exclude.has(port) || exclude.has(bus)) continue;
    if (await isPortFree(bus)) return port;
  }
  throw new Error('no free port with a free cluster bus port (port + 10000) after 50 tries');
}

/** Resolves `true` when nothing listens on `port` at 127.0.0.1. */
export async function isPortFree(port: number): Promise<boolean> {
  try {
    await listenAndClose(port);
    return true;
  } catch {
    return false;
  }
}

function listenAndClose(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port, host: HOST, exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address !== null ? address.port : port;
      server.close(() => resolve(bound));
    });
  });
}
