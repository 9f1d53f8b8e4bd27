import { Cluster, Redis, type ChainableCommander } from 'ioredis';
import type { ClientAdapter, MixedCommand } from './client-adapter.js';
import { sumGroups } from './sum-groups.js';

function queue(pipe: ChainableCommander, command: MixedCommand): void {
  switch (command[0]) {
    case 'set':
      pipe.set(command[1], command[2]);
      return;
    case 'get':
      pipe.get(command[1]);
      return;
    case 'incr':
      pipe.incr(command[1]);
      return;
  }
}

/** ioredis answers `[error, value]` pairs; a failed command fails the whole batch here. */
function values(replies: [Error | null, unknown][] | null): unknown[] {
  if (replies === null) throw new Error('ioredis: transaction aborted');
  return replies.map(([error, value]) => {
    if (error !== null) throw error;
    return value;
  });
}

async function exec(pipe: ChainableCommander): Promise<unknown[]> {
  return values(await pipe.exec());
}

/** ioredis on one server, with or without `enableAutoPipelining`. */
export async function createIoredisAdapter(
  url: string,
  autoPipelining: boolean,
): Promise<ClientAdapter> {
  const redis = new Redis(url, { enableAutoPipelining: autoPipelining, lazyConnect: true });
  await redis.connect();
  return {
    incr: (key) => redis.incr(key),
    get: (key) => redis.get(key),
    getBuffer: (key) => redis.getBuffer(key),
    set: (key, value) => redis.set(key, value),
    pipeline: (commands) => {
      const pipe = redis.pipeline();
      for (const command of commands) queue(pipe, command);
      return exec(pipe);
    },
    multiIncr: (keys) => {
      const multi = redis.multi();
      for (const key of keys) multi.incr(key);
      return exec(multi);
    },
    incrSums: async (groups) => {
      const pipe = redis.pipeline();
      for (const group of groups) for (const key of group) pipe.incr(key);
      return sumGroups(groups, await exec(pipe));
    },
    close: async () => {
      await redis.quit();
    },
  };
}

/**
 * ioredis Cluster. Its `pipeline()` requires every key on one node, so a batch across all
 * slots goes out as `Promise.all` with `enableAutoPipelining`, which groups commands per node
 * (the way ioredis documents for cross-slot batches).
 */
export async function createIoredisClusterAdapter(
  rootNodes: readonly { host: string; port: number }[],
): Promise<ClientAdapter> {
  const cluster = new Cluster([...rootNodes], { enableAutoPipelining: true, lazyConnect: true });
  await cluster.connect();
  const send = (command: MixedCommand): Promise<unknown> => {
    switch (command[0]) {
      case 'set':
        return cluster.set(command[1], command[2]);
      case 'get':
        return cluster.get(command[1]);
      case 'incr':
        return cluster.incr(command[1]);
    }
  };
  return {
    pipeline: (commands) => Promise.all(commands.map(send)),
    close: async () => {
      await cluster.quit();
    },
  };
}
