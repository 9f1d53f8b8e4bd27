import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  CLUSTER_BUS_PORT_OFFSET,
  getFreeClusterPort,
  getFreePort,
  isPortFree,
} from './free-port.js';

describe('free ports', () => {
  it('finds a port nothing listens on', async () => {
    const port = await getFreePort();
    expect(port).toBeGreaterThan(0);
    expect(await isPortFree(port)).toBe(true);
  });

  it('reports a port in use as not free', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    expect(await isPortFree(port)).toBe(false);
    await new Promise((resolve) => server.close(resolve));
    expect(await isPortFree(port)).toBe(true);
  });

  it('finds a cluster port whose bus port is free too', async () => {
    const port = await getFreeClusterPort();
    expect(port + CLUSTER_BUS_PORT_OFFSET).toBeLessThanOrEqual(65_535);
    expect(await isPortFree(port)).toBe(true);
    expect(await isPortFree(port + CLUSTER_BUS_PORT_OFFSET)).toBe(true);
  });
});
