import { redisUrl } from '@redspec/test-utils';
import type { RedisConnectionOptions } from '../../src/connection/connection-options.js';

/** Host and port of the live project's shared redis-server (see test-utils' global setup). */
export function sharedServer(): Pick<RedisConnectionOptions, 'host' | 'port'> {
  const url = new URL(redisUrl());
  return { host: url.hostname, port: Number(url.port || 6379) };
}

/** A key unique to this test run, so files running in parallel on one server never collide. */
export function uniqueKey(name: string): string {
  return `redspec:connection:${process.pid}:${name}:${Math.random().toString(36).slice(2)}`;
}
