import {
  Batch,
  ClusterBatch,
  Decoder,
  GlideClient,
  GlideClusterClient,
} from '@valkey/valkey-glide';
import { hostPort, type ClientAdapter, type MixedCommand } from './client-adapter.js';

/**
 * Glide caps in-flight requests at 1000 and times requests out after 250 ms by default; the
 * Promise.all workload sends 10 000 at once, so both are raised for every workload alike.
 */
const LIMITS = { inflightRequestsLimit: 20_000, requestTimeout: 30_000 };

function queue(batch: Batch | ClusterBatch, command: MixedCommand): void {
  switch (command[0]) {
    case 'set':
      batch.set(command[1], command[2]);
      return;
    case 'get':
      batch.get(command[1]);
      return;
    case 'incr':
      batch.incr(command[1]);
      return;
  }
}

function replies(values: unknown[] | null): unknown[] {
  if (values === null) throw new Error('glide: transaction aborted');
  return values;
}

/** valkey-glide (Rust core over N-API) on one server. */
export async function createGlideAdapter(url: string): Promise<ClientAdapter> {
  const client = await GlideClient.createClient({ addresses: [hostPort(url)], ...LIMITS });
  return {
    incr: (key) => client.incr(key),
    get: (key) => client.get(key),
    getBuffer: (key) => client.get(key, { decoder: Decoder.Bytes }),
    set: (key, value) => client.set(key, value),
    pipeline: async (commands) => {
      const batch = new Batch(false);
      for (const command of commands) queue(batch, command);
      return replies(await client.exec(batch, true));
    },
    multiIncr: async (keys) => {
      const batch = new Batch(true);
      for (const key of keys) batch.incr(key);
      return replies(await client.exec(batch, true));
    },
    close: async () => {
      client.close();
    },
  };
}

/** valkey-glide on a cluster: a non-atomic ClusterBatch may span slots. */
export async function createGlideClusterAdapter(
  rootNodes: readonly { host: string; port: number }[],
): Promise<ClientAdapter> {
  const client = await GlideClusterClient.createClient({ addresses: [...rootNodes], ...LIMITS });
  return {
    pipeline: async (commands) => {
      const batch = new ClusterBatch(false);
      for (const command of commands) queue(batch, command);
      return replies(await client.exec(batch, true));
    },
    close: async () => {
      client.close();
    },
  };
}
