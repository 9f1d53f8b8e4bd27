import { need } from '../clients/client-adapter.js';
import { redspecClusterHasPipeline, redspecCreateCluster } from '../clients/redspec-cluster.js';
import { expectLength, mixedCommands, type Workload } from './workload.js';

const SIZE = 1_000;
const COMMANDS = mixedCommands(SIZE, 'bench:c');

/** 1000 mixed commands whose keys spread over every slot of a 3-primary cluster. */
export const clusterPipeline: Workload = {
  id: 'cluster-1000',
  title: 'Cluster batch of 1000 keys across all slots',
  endpoint: 'cluster',
  subjects: ['redspec-cluster', 'ioredis-cluster', 'glide-cluster'],
  opsPerIteration: SIZE,
  iterations: 150,
  warmup: 15,
  skipReason: () =>
    redspecCreateCluster() === undefined
      ? '@redspec/client exports no createCluster yet'
      : undefined,
  async run(adapter) {
    expectLength(await need(adapter, 'pipeline')(COMMANDS), SIZE, 'cluster batch');
  },
};

/** How the Redspec row of the cluster workload sends its batch, for the report. */
export function redspecClusterMode(): string {
  return redspecClusterHasPipeline()
    ? 'cluster.pipeline()'
    : 'Promise.all (auto-pipelined per node; the cluster client has no pipeline() yet)';
}
