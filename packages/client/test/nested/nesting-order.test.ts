import { randomUUID } from 'node:crypto';
import { redisUrl } from '@redspec/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Future,
  createClient,
  pipeline,
  type Pipeline,
  type RedisClient,
} from '../../src/index.js';
import { registerClient, unregisterClient } from '@redspec/pipeline';
import { CountingTransport } from './counting-transport.js';

let client: RedisClient;
let transport: CountingTransport;
const prefix = `nested:${randomUUID()}`;

beforeAll(async () => {
  client = await createClient(redisUrl()).connect();
  transport = new CountingTransport(client);
  registerClient(transport);
});
afterAll(async () => {
  unregisterClient('*');
  await client.quit();
});

describe('three levels of nesting', () => {
  it('run in one round trip; futures are set before callbacks, inner callbacks first', async () => {
    const log: string[] = [];
    const before = transport.roundTrips;
    let total: Future<number>;
    let l: Future<number>;
    {
      await using root = pipeline(undefined, { autoexec: true });
      const r = root.incr(`${prefix}:r`);
      total = root.onExecute(() => {
        log.push(`root: r=${r.result} m=${m.result} l=${l.result}`);
        return r.result + m.result + l.result;
      });
      using middle = pipeline(root);
      const m = middle.incrby(`${prefix}:m`, 10);
      middle.onExecute(() => log.push(`middle: m=${m.result} l=${l.result}`));
      {
        using leaf = pipeline(middle);
        l = leaf.incrby(`${prefix}:l`, 100);
        leaf.onExecute(() => log.push(`leaf: r=${r.result} l=${l.result}`));
      }
      middle.onExecute(() => log.push('middle, second callback'));
    }
    expect(log).toEqual([
      'leaf: r=1 l=100',
      'middle: m=10 l=100',
      'middle, second callback',
      'root: r=1 m=10 l=100',
    ]);
    expect(await total).toBe(111);
    expect(transport.roundTrips - before).toBe(1);
    expect(transport.batches.at(-1)).toEqual([
      ['INCR', `${prefix}:r`],
      ['INCRBY', `${prefix}:m`, 10],
      ['INCRBY', `${prefix}:l`, 100],
    ]);
  });

  it('hands commands up in the order the scopes close', async () => {
    const root = pipeline();
    const outer = pipeline(root);
    outer.set(`${prefix}:order`, 'outer-first');
    const inner = pipeline(outer);
    inner.append(`${prefix}:order`, '+inner');
    inner.close();
    outer.append(`${prefix}:order`, '+outer-after');
    outer.close();
    root.append(`${prefix}:order`, '+root');
    await root.execute();
    expect(await client.get(`${prefix}:order`)).toBe('outer-first+inner+outer-after+root');
  });
});

describe('futures set by callbacks', () => {
  /** Reads a hash as a user record: a future a callback sets, not a command's future. */
  function loadUser(id: string, parent?: Pipeline): Future<{ id: string; visits: number }> {
    const user = new Future<{ id: string; visits: number }>();
    using pipe = pipeline(parent, { autoexec: true });
    const visits = pipe.hincrby(`${prefix}:user:${id}`, 'visits', 1);
    pipe.onExecute(() => user.set({ id, visits: visits.result }), { settles: [user] });
    return user;
  }

  it('resolve after the root ran, and can feed a parent callback', async () => {
    let report: Future<string>;
    {
      await using root = pipeline(undefined, { autoexec: true });
      const alice = loadUser('alice', root);
      const bob = loadUser('bob', root);
      // Nested callbacks ran first, so the users are set when the root's callback reads them.
      report = root.onExecute(() => `${alice.result.id}+${bob.result.id}: ${alice.result.visits}`);
    }
    expect(report.result).toBe('alice+bob: 1');
  });

  it('nest under client.pipeline() roots and children too', async () => {
    const [user] = await client.pipeline((root) => {
      using child = client.pipeline({ parent: root });
      return [loadUser('carol', child)];
    });
    expect(user).toEqual({ id: 'carol', visits: 1 });
  });
});
