import { readFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { redisServerVersion, resolveRedisServerBinary } from '@redspec/test-utils';
import { CORES, type BenchConfig } from './config.js';
import type { Environment } from './results.js';
import { BENCH_DIR } from './run-child.js';

const PACKAGES = ['@redspec/client', 'ioredis', 'redis', '@valkey/valkey-glide', 'typescript'];

async function installedVersion(name: string): Promise<string> {
  try {
    const manifest = await readFile(join(BENCH_DIR, 'node_modules', name, 'package.json'), 'utf8');
    return (JSON.parse(manifest) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

/** Versions and machine facts for the report's header. */
export async function describeEnvironment(config: BenchConfig): Promise<Environment> {
  const versions = await Promise.all(PACKAGES.map(installedVersion));
  return {
    date: new Date().toISOString(),
    node: process.version,
    redisServer: redisServerVersion(resolveRedisServerBinary()) ?? 'unknown',
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: CORES,
    rounds: config.rounds,
    scale: config.scale,
    quiet: { minIdle: config.quietIdle, maxWaitMs: config.quietMaxWaitMs },
    packages: Object.fromEntries(PACKAGES.map((name, i) => [name, versions[i] ?? 'unknown'])),
  };
}
