/**
 * Vitest global setup for the `live` project (see vitest.config.ts). Runs once per run, in
 * the main vitest process: uses `$REDIS_URL` when set, otherwise starts one redis-server
 * (of `$REDIS_SERVER_VERSION` when set), and provides `redisUrl` and `redisVersion`, which
 * tests read with `redisUrl()` / `redisVersion()` from `@redspec/test-utils`.
 *
 * Clusters are not started here, so runs without cluster tests stay fast. A cluster test
 * starts its own, which takes a few seconds:
 *
 *   let cluster: RedisClusterHandle;
 *   beforeAll(async () => { cluster = await startRedisCluster(); });
 *   afterAll(() => cluster.stop());
 *   // seed a client with cluster.rootNodes; fault tests use cluster.killNode(port)
 */
import type { TestProject } from 'vitest/node';
import { rawCommand, targetFromUrl } from './raw-command.js';
import { startRedisServer } from './redis-server.js';
import type { RedisServerHandle } from './redis-server.js';

/** Provides `redisUrl` and `redisVersion`; the returned teardown stops a server it started. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await sharedServer();
  try {
    project.provide('redisUrl', server.url);
    project.provide('redisVersion', await readRedisVersion(server.url));
  } catch (error) {
    await server.stop();
    throw error;
  }
  return () => server.stop();
}

async function sharedServer(): Promise<Pick<RedisServerHandle, 'url' | 'stop'>> {
  const external = process.env.REDIS_URL;
  if (external) return { url: external, stop: () => Promise.resolve() };
  return startRedisServer({ version: process.env.REDIS_SERVER_VERSION || undefined });
}

async function readRedisVersion(url: string): Promise<string> {
  const info = String(await rawCommand(targetFromUrl(url), ['INFO', 'server']));
  const version = /^redis_version:(\S+)/m.exec(info)?.[1];
  if (version === undefined) throw new Error(`no redis_version in INFO server from ${url}`);
  return version;
}
