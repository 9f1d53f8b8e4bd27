import { clusterPipeline } from './cluster-pipeline.js';
import { concurrentGet } from './concurrent-get.js';
import { LARGE_VALUE_WORKLOADS } from './large-values.js';
import { mixedPipeline } from './mixed-pipeline.js';
import { multiExec } from './multi-exec.js';
import { nestedIncrSum } from './nested-incr-sum.js';
import { sequentialIncr } from './sequential-incr.js';
import type { Workload } from './workload.js';

/** Every workload, in report order. */
export const WORKLOADS: readonly Workload[] = [
  sequentialIncr,
  mixedPipeline(100, 2_000),
  mixedPipeline(1_000, 300),
  concurrentGet,
  multiExec,
  nestedIncrSum,
  clusterPipeline,
  ...LARGE_VALUE_WORKLOADS,
];

export function findWorkload(id: string): Workload {
  const workload = WORKLOADS.find((candidate) => candidate.id === id);
  if (workload === undefined) throw new Error(`unknown workload ${id}`);
  return workload;
}
