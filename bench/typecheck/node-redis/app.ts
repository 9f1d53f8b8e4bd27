// Typecheck fixture: the same 30 commands on the client, in a pipeline and in a transaction.
// The `*Typed` exec variants give the typed reply tuple, as Redspec's pipelines do.
import { createClient } from 'redis';

const client = createClient({ url: 'redis://127.0.0.1:6379' });

export async function onClient() {
  return {
    set: await client.set('k', 'v'),
    get: await client.get('k'),
    incr: await client.incr('n'),
    incrby: await client.incrBy('n', 5),
    decr: await client.decr('n'),
    append: await client.append('k', 'x'),
    mset: await client.mSet({ a: '1', b: '2' }),
    mget: await client.mGet(['a', 'b']),
    exists: await client.exists('k'),
    expire: await client.expire('k', 60),
    ttl: await client.ttl('k'),
    del: await client.del('k'),
    hset: await client.hSet('h', { f: 'v' }),
    hget: await client.hGet('h', 'f'),
    hgetall: await client.hGetAll('h'),
    hincrby: await client.hIncrBy('h', 'n', 1),
    hdel: await client.hDel('h', 'f'),
    lpush: await client.lPush('l', 'a'),
    rpush: await client.rPush('l', 'b'),
    lpop: await client.lPop('l'),
    lrange: await client.lRange('l', 0, -1),
    llen: await client.lLen('l'),
    sadd: await client.sAdd('s', 'm'),
    smembers: await client.sMembers('s'),
    sismember: await client.sIsMember('s', 'm'),
    srem: await client.sRem('s', 'm'),
    zadd: await client.zAdd('z', { score: 1, value: 'a' }),
    zincrby: await client.zIncrBy('z', 2, 'a'),
    zscore: await client.zScore('z', 'a'),
    zrange: await client.zRange('z', 0, -1),
  };
}

export async function onPipeline() {
  return client
    .multi()
    .set('k', 'v')
    .get('k')
    .incr('n')
    .incrBy('n', 5)
    .decr('n')
    .append('k', 'x')
    .mSet({ a: '1', b: '2' })
    .mGet(['a', 'b'])
    .exists('k')
    .expire('k', 60)
    .ttl('k')
    .del('k')
    .hSet('h', { f: 'v' })
    .hGet('h', 'f')
    .hGetAll('h')
    .hIncrBy('h', 'n', 1)
    .hDel('h', 'f')
    .lPush('l', 'a')
    .rPush('l', 'b')
    .lPop('l')
    .lRange('l', 0, -1)
    .lLen('l')
    .sAdd('s', 'm')
    .sMembers('s')
    .sIsMember('s', 'm')
    .sRem('s', 'm')
    .zAdd('z', { score: 1, value: 'a' })
    .zIncrBy('z', 2, 'a')
    .zScore('z', 'a')
    .zRange('z', 0, -1)
    .execAsPipelineTyped();
}

export async function onTransaction() {
  return client
    .multi()
    .set('k', 'v')
    .get('k')
    .incr('n')
    .incrBy('n', 5)
    .decr('n')
    .append('k', 'x')
    .mSet({ a: '1', b: '2' })
    .mGet(['a', 'b'])
    .exists('k')
    .expire('k', 60)
    .ttl('k')
    .del('k')
    .hSet('h', { f: 'v' })
    .hGet('h', 'f')
    .hGetAll('h')
    .hIncrBy('h', 'n', 1)
    .hDel('h', 'f')
    .lPush('l', 'a')
    .rPush('l', 'b')
    .lPop('l')
    .lRange('l', 0, -1)
    .lLen('l')
    .sAdd('s', 'm')
    .sMembers('s')
    .sIsMember('s', 'm')
    .sRem('s', 'm')
    .zAdd('z', { score: 1, value: 'a' })
    .zIncrBy('z', 2, 'a')
    .zScore('z', 'a')
    .zRange('z', 0, -1)
    .execTyped();
}
