import { readFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { redisServerVersion, resolveRedisServerBinary } from '@redspec/test-utils';
import { CORES, type BenchConfig } from './config.js';
import type { Environment } from './results.js';
import { BENCH_DIR, runChild } from './run-child.js';

const PACKAGES = ['@redspec/client', 'ioredis', 'redis', '@valkey/valkey-glide', 'typescript'];

async function installedVersion(name: string): Promise<string> {
  try {
    const manifest = await readFile(join(BENCH_DIR, 'node_modules', name, 'package.json'), 'utf8');
    return (JSON.parse(manifest) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

async function redisBenchmarkVersion(): Promise<string> {
  try {
    const output = await runChild('redis-benchmark', ['--version'], 10_000);
    return output.stdout.trim() || 'redis-benchmark (version unknown)';
  } catch {
    return 'redis-benchmark not found';
  }
}

/** Versions and machine facts for the report's header; call it when the run starts. */
export async function describeEnvironment(config: BenchConfig): Promise<Environment> {
  const loadAtStart = loadavg();
  const versions = await Promise.all(PACKAGES.map(installedVersion));
  return {
    date: new Date().toISOString(),
    node: process.version,
    redisServer: redisServerVersion(resolveRedisServerBinary()) ?? 'unknown',
    redisBenchmark: await redisBenchmarkVersion(),
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: CORES,
    loadAtStart,
    quick: config.quick,
    rounds: config.rounds,
    scale: config.scale,
    quiet: { minIdle: config.quietIdle, maxWaitMs: config.quietMaxWaitMs },
    packages: Object.fromEntries(PACKAGES.map((name, i) => [name, versions[i] ?? 'unknown'])),
  };
}
