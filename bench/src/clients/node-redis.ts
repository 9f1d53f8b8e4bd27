import { createClient, RESP_TYPES } from 'redis';
import type { ClientAdapter, MixedCommand } from './client-adapter.js';

type NodeRedisClient = ReturnType<typeof createClient>;
type NodeRedisMulti = ReturnType<NodeRedisClient['multi']>;

function queue(multi: NodeRedisMulti, command: MixedCommand): void {
  switch (command[0]) {
    case 'set':
      multi.set(command[1], command[2]);
      return;
    case 'get':
      multi.get(command[1]);
      return;
    case 'incr':
      multi.incr(command[1]);
      return;
  }
}

/** node-redis (`redis`), which pipelines the commands of one tick by itself. */
export async function createNodeRedisAdapter(url: string): Promise<ClientAdapter> {
  const client = createClient({ url });
  client.on('error', (error: unknown) => {
    process.stderr.write(`node-redis: ${String(error)}\n`);
  });
  await client.connect();
  const binary = client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
  return {
    incr: (key) => client.incr(key),
    get: (key) => client.get(key),
    getBuffer: (key) => binary.get(key),
    set: (key, value) => client.set(key, value),
    pipeline: (commands) => {
      const multi = client.multi();
      for (const command of commands) queue(multi, command);
      return multi.execAsPipeline();
    },
    multiIncr: (keys) => {
      const multi = client.multi();
      for (const key of keys) multi.incr(key);
      return multi.exec();
    },
    close: () => client.close(),
  };
}
