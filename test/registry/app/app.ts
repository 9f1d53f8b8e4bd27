// A user's app, installed from a real registry (test/registry/registry-test.sh): typechecked
// strictly against the published declarations, then run against a real redis-server.
import { strict as assert } from 'node:assert';
import { createClient, PipelineError, type RedisClient } from '@redspec/client';
import { createClient as createRedis70Client } from '@redspec/client/targets/redis-7.0';

const url = process.env.REDIS_URL;
if (url === undefined) throw new Error('set REDIS_URL');
// Fail rather than hang: a pipeline on a client that has not connected yet never settles
// (reported with the release-day work; `pinned.connect()` below works around it).
setTimeout(() => {
  console.error('registry app: still running after 30s');
  process.exit(1);
}, 30_000).unref();

const client: RedisClient = createClient(url);
await client.set('registry:greeting', 'hello', { expiration: { ex: 60 } });
const greeting: string | null = await client.get('registry:greeting');
const [count, length] = await client.pipeline((p) => [
  p.incr('registry:visits'),
  p.strlen('registry:greeting'),
]);
const visits: number = count;

// Pinned to Redis 7.0: what that server lacks does not compile, the rest works as usual.
const pinned = createRedis70Client(url);
// Not `await createRedis70Client(url).connect()`: its `this` is the all-server client's.
await pinned.connect();
// Compiled, never called: what Redis 7.0 lacks is a type error.
function lackingOnRedis70(): void {
  // @ts-expect-error HEXPIRE came in Redis 7.4
  void pinned.hexpire;
  // @ts-expect-error HSCAN's NOVALUES came in Redis 7.4
  void pinned.hscan('registry:hash', '0', { novalues: true });
}
void lackingOnRedis70;
const pipe = pinned.pipeline();
const exists = pipe.exists('registry:greeting');
await pipe.execute();

assert.equal(greeting, 'hello');
assert.equal(length, 5);
assert.ok(visits >= 1);
assert.equal(await exists, 1);
assert.equal(typeof PipelineError, 'function');
await client.del(['registry:greeting', 'registry:visits']);
await Promise.all([client.quit(), pinned.quit()]);
console.log('registry app (ESM): ok');
