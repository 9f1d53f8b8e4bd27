import * as redspec from '@redspec/client';
import type { Pipeline, RedisCluster } from '@redspec/client';
import type { ClientAdapter, MixedCommand } from './client-adapter.js';

type ClusterFactory = (config: {
  rootNodes: readonly { host: string; port: number }[];
}) => RedisCluster;

/** `createCluster`, when this build of `@redspec/client` exports it (it landed separately). */
export function redspecCreateCluster(): ClusterFactory | undefined {
  const exported = (redspec as Record<string, unknown>)['createCluster'];
  return typeof exported === 'function' ? (exported as ClusterFactory) : undefined;
}

/** A cluster pipeline, when the cluster client offers one (a later change adds it). */
function clusterPipeline(cluster: RedisCluster): (() => Pipeline) | undefined {
  const method = (cluster as unknown as Record<string, unknown>)['pipeline'];
  return typeof method === 'function' ? () => method.call(cluster) as Pipeline : undefined;
}

/** Whether the Redspec cluster client has `pipeline()`; otherwise the workload uses Promise.all. */
export function redspecClusterHasPipeline(): boolean {
  const create = redspecCreateCluster();
  if (create === undefined) return false;
  const cluster = create({ rootNodes: [{ host: '127.0.0.1', port: 1 }] });
  const has = clusterPipeline(cluster) !== undefined;
  cluster.disconnect();
  return has;
}

function send(target: RedisCluster | Pipeline, command: MixedCommand): PromiseLike<unknown> {
  switch (command[0]) {
    case 'set':
      return target.set(command[1], command[2]);
    case 'get':
      return target.get(command[1]);
    case 'incr':
      return target.incr(command[1]);
  }
}

/**
 * Redspec on a cluster: `cluster.pipeline()` when it exists, else every command at once
 * (`Promise.all`), which the cluster client auto-pipelines per node.
 */
export async function createRedspecClusterAdapter(
  rootNodes: readonly { host: string; port: number }[],
): Promise<ClientAdapter> {
  const create = redspecCreateCluster();
  if (create === undefined) throw new Error('@redspec/client exports no createCluster');
  const cluster = await create({ rootNodes }).connect();
  const makePipeline = clusterPipeline(cluster);
  return {
    pipeline: async (commands) => {
      if (makePipeline === undefined) return Promise.all(commands.map((c) => send(cluster, c)));
      const pipe = makePipeline();
      for (const command of commands) send(pipe, command);
      return pipe.execute();
    },
    close: async () => {
      await cluster.quit();
    },
  };
}
