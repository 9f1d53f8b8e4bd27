// After the second release (an update bringing HGETEX and LMOVE's COUNT): the upgraded package
// has the new surface, and still refuses what the running server lacks before sending it.
import { strict as assert } from 'node:assert';
import { createClient, UnsupportedCommandError } from '@redspec/client';

const client = createClient(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
await client.rpush('registry:list', ['a', 'b']);
// Without COUNT, LMOVE's reply is what it was; with it, a list (the overlay's overloads).
const one: string | null = await client.lmove('registry:list', 'registry:other', 'LEFT', 'RIGHT');
const many: Promise<string[] | null> = client.lmove(
  'registry:list',
  'registry:other',
  'LEFT',
  'RIGHT',
  {
    count: 2,
  },
);
const fields: Promise<(string | null)[]> = client.hgetex('registry:hash', { field: 'f' });
assert.equal(one, 'a');
await assert.rejects(many, UnsupportedCommandError);
await assert.rejects(fields, UnsupportedCommandError);
await client.del(['registry:list', 'registry:other']);
await client.quit();
console.log('registry app after the second release: ok');
