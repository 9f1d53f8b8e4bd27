import type { BenchConfig } from './config.js';
import type { WorkloadPlan } from './summarize.js';
import { WORKLOADS } from './workloads/all-workloads.js';
import { redspecClusterMode } from './workloads/cluster-pipeline.js';

/** Whether `part` (a workload id, or `typecheck`, `cold-start`, `profile`) runs. */
export function selected(config: BenchConfig, part: string): boolean {
  return config.only === undefined || config.only.includes(part);
}

/** Every workload, with why it is skipped (by choice, or because this build lacks the API). */
export function planWorkloads(config: BenchConfig): WorkloadPlan[] {
  return WORKLOADS.filter((workload) => selected(config, workload.id)).map((workload) => {
    const missing = workload.skipReason?.();
    if (missing !== undefined) return { workload, skipped: missing };
    if (workload.endpoint !== 'cluster') return { workload };
    if (config.skipCluster) return { workload, skipped: 'BENCH_SKIP_CLUSTER=1' };
    return {
      workload,
      note:
        `3 primaries, no replicas. Redspec sends via ${redspecClusterMode()}; ` +
        'ioredis `Cluster.pipeline()` refuses keys on several nodes, so ioredis uses Promise.all ' +
        'with enableAutoPipelining; glide sends one non-atomic ClusterBatch.',
    };
  });
}
