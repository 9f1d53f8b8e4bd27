/**
 * The main job: a typed client, a pipeline and a transaction against Redis. Uses REDIS_URL when
 * set; otherwise starts a redis-server of its own on a free port and stops it at the end.
 */
import { createClient } from '@redspec/client';
import { runExample } from './run-example.js';

async function main(url: string): Promise<void> {
  const client = await createClient(url).connect();
  try {
    console.log(
      `connected to ${client.server?.product} ${client.server?.version} over RESP${client.server?.protocol}`,
    );

    // Typed commands: options keyed by token, replies in their RESP3 shape.
    await client.set('demo:greeting', 'hello', { expiration: { ex: 60 } });
    const greeting: string | null = await client.get('demo:greeting');
    await client.hset('demo:user:1', { name: 'Ada', visits: 0 });
    const visits: number = await client.hincrby('demo:user:1', 'visits', 1);
    const user: Record<string, string> = await client.hgetall('demo:user:1');
    console.log('client:', { greeting, visits, user });

    // A pipeline: one round trip, results typed position by position.
    const [ok, counter, leaders] = await client.pipeline((p) => {
      p.zadd('demo:board', [
        [3, 'ada'],
        [5, 'grace'],
      ]);
      return [
        p.set('demo:counter', 41),
        p.incr('demo:counter'),
        p.zrange('demo:board', 0, -1, { rev: true, withscores: true }),
      ];
    });
    console.log('pipeline:', { ok, counter, leaders });

    // A transaction with WATCH and optimistic retry: a client-side increment.
    const [set] = await client.transaction(
      async (pipe) => {
        const current = Number((await pipe.immediate.get('demo:counter')) ?? 0);
        return [pipe.set('demo:counter', current * 2)];
      },
      { watch: ['demo:counter'] },
    );
    console.log('transaction:', { set, counter: await client.get('demo:counter') });

    await client.del(['demo:greeting', 'demo:user:1', 'demo:counter', 'demo:board']);
  } finally {
    await client.quit();
  }
}

await runExample(import.meta.url, main);
