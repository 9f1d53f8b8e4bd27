// Typecheck fixture: the same 30 commands on the client, in a pipeline and in a transaction.
// ioredis types pipeline replies as `[Error | null, unknown][]`, so it checks less here;
// its typings take ZRANGE's stop only as a string, hence `'-1'`.
import { Redis } from 'ioredis';

const client = new Redis('redis://127.0.0.1:6379');

export async function onClient() {
  return {
    set: await client.set('k', 'v'),
    get: await client.get('k'),
    incr: await client.incr('n'),
    incrby: await client.incrby('n', 5),
    decr: await client.decr('n'),
    append: await client.append('k', 'x'),
    mset: await client.mset({ a: '1', b: '2' }),
    mget: await client.mget(['a', 'b']),
    exists: await client.exists('k'),
    expire: await client.expire('k', 60),
    ttl: await client.ttl('k'),
    del: await client.del('k'),
    hset: await client.hset('h', { f: 'v' }),
    hget: await client.hget('h', 'f'),
    hgetall: await client.hgetall('h'),
    hincrby: await client.hincrby('h', 'n', 1),
    hdel: await client.hdel('h', 'f'),
    lpush: await client.lpush('l', 'a'),
    rpush: await client.rpush('l', 'b'),
    lpop: await client.lpop('l'),
    lrange: await client.lrange('l', 0, -1),
    llen: await client.llen('l'),
    sadd: await client.sadd('s', 'm'),
    smembers: await client.smembers('s'),
    sismember: await client.sismember('s', 'm'),
    srem: await client.srem('s', 'm'),
    zadd: await client.zadd('z', 1, 'a'),
    zincrby: await client.zincrby('z', 2, 'a'),
    zscore: await client.zscore('z', 'a'),
    zrange: await client.zrange('z', 0, '-1'),
  };
}

export async function onPipeline() {
  return client
    .pipeline()
    .set('k', 'v')
    .get('k')
    .incr('n')
    .incrby('n', 5)
    .decr('n')
    .append('k', 'x')
    .mset({ a: '1', b: '2' })
    .mget(['a', 'b'])
    .exists('k')
    .expire('k', 60)
    .ttl('k')
    .del('k')
    .hset('h', { f: 'v' })
    .hget('h', 'f')
    .hgetall('h')
    .hincrby('h', 'n', 1)
    .hdel('h', 'f')
    .lpush('l', 'a')
    .rpush('l', 'b')
    .lpop('l')
    .lrange('l', 0, -1)
    .llen('l')
    .sadd('s', 'm')
    .smembers('s')
    .sismember('s', 'm')
    .srem('s', 'm')
    .zadd('z', 1, 'a')
    .zincrby('z', 2, 'a')
    .zscore('z', 'a')
    .zrange('z', 0, '-1')
    .exec();
}

export async function onTransaction() {
  return client
    .multi()
    .set('k', 'v')
    .get('k')
    .incr('n')
    .incrby('n', 5)
    .decr('n')
    .append('k', 'x')
    .mset({ a: '1', b: '2' })
    .mget(['a', 'b'])
    .exists('k')
    .expire('k', 60)
    .ttl('k')
    .del('k')
    .hset('h', { f: 'v' })
    .hget('h', 'f')
    .hgetall('h')
    .hincrby('h', 'n', 1)
    .hdel('h', 'f')
    .lpush('l', 'a')
    .rpush('l', 'b')
    .lpop('l')
    .lrange('l', 0, -1)
    .llen('l')
    .sadd('s', 'm')
    .smembers('s')
    .sismember('s', 'm')
    .srem('s', 'm')
    .zadd('z', 1, 'a')
    .zincrby('z', 2, 'a')
    .zscore('z', 'a')
    .zrange('z', 0, '-1')
    .exec();
}
