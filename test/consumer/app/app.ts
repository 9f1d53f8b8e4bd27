// A consumer's app, typechecked with tsc against the packed packages and run against a real
// redis-server by scripts/consumer-test.sh: no workspace links, no source aliases.
import { strict as assert } from 'node:assert';
import { createRequire } from 'node:module';
import * as esm from '@redspec/client';
import { createClient, type ClientBase, type RedisClient } from '@redspec/client';
import { PipelineError, type Future } from '@redspec/pipeline';
import type { HscanOptions } from '@redspec/types';

const url = process.env.REDIS_URL;
if (url === undefined) throw new Error('set REDIS_URL');
const client: RedisClient = createClient(url);

// Client calls: typed results straight from the generated surface.
const ok: 'OK' | null = await client.set('consumer:greeting', 'hello', { expiration: { ex: 60 } });
const greeting: string | null = await client.get('consumer:greeting');
await client.hset('consumer:hash', { a: '1', b: '2' });
const hash: Record<string, string> = await client.hgetall('consumer:hash');
const scanOptions: HscanOptions = { count: 10 };
const [, fields] = await client.hscan('consumer:hash', '0', scanOptions);

// A typed pipeline: the tuple of results keeps each command's type.
await client.del('consumer:visits');
const [set, visits, length] = await client.pipeline((p) => [
  p.set('consumer:visits', '41'),
  p.incr('consumer:visits'),
  p.strlen('consumer:greeting'),
]);
const count: number = visits;
// @ts-expect-error INCR resolves to a number, never a string
const notAString: string = visits;

// A transaction, and a pipeline built by hand.
const [incremented] = await client.transaction(async (tx) => [tx.incrby('consumer:visits', 8)]);
const pipe = client.pipeline();
const future: Future<number> = pipe.exists('consumer:greeting');
await pipe.execute();

// The surface clients and clusters share is usable as a type on its own.
const surface: ClientBase = client;

// An app that loads both builds (a CommonJS dependency beside ESM code) still recognizes the
// errors of either copy with instanceof.
const cjs = createRequire(import.meta.url)('@redspec/client') as typeof esm;
const wrongType = await client.lpush('consumer:greeting', 'x').catch((error: unknown) => error);
assert.ok(esm.ReplyError !== cjs.ReplyError, 'the two builds are two copies');
assert.ok(wrongType instanceof cjs.WrongTypeError && wrongType instanceof cjs.RedspecError);
assert.ok(new cjs.CommandArgumentError('GET', 'key', 'is required') instanceof esm.RedspecError);
assert.ok(!(new cjs.ConnectionError('x') instanceof esm.ReplyError));

assert.equal(ok, 'OK');
assert.equal(greeting, 'hello');
assert.deepEqual(hash, { a: '1', b: '2' });
assert.deepEqual(fields, [
  ['a', '1'],
  ['b', '2'],
]); // HSCAN gives [field, value] pairs
assert.deepEqual([set, count, length], ['OK', 42, 5]);
assert.equal(incremented, 50);
assert.equal(await future, 1);
assert.equal(await surface.exists('consumer:hash'), 1);
assert.equal(typeof PipelineError, 'function');
void notAString;
await client.del(['consumer:greeting', 'consumer:hash', 'consumer:visits']);
await client.quit();
console.log('consumer app: ok');
