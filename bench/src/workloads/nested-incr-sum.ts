import { need } from '../clients/client-adapter.js';
import { nestedPipelineExport } from '../clients/redspec-nested.js';
import { expectLength, type Workload } from './workload.js';

const GROUPS = Array.from({ length: 10 }, (_, g) =>
  Array.from({ length: 100 }, (_, i) => `bench:sum:${g}:${i}`),
);

/** redpipe's incrSum, 10 calls of 100 keys sharing one parent pipeline, vs a flat pipeline. */
export const nestedIncrSum: Workload = {
  id: 'nested-incr-sum',
  title: 'incrSum ×10 (100 keys each): nested vs flat pipeline',
  endpoint: 'standalone',
  subjects: ['redspec-nested', 'redspec-flat', 'ioredis'],
  opsPerIteration: 1_000,
  iterations: 200,
  warmup: 20,
  skipReason: () =>
    nestedPipelineExport() === undefined
      ? '@redspec/pipeline exports no `pipeline(parent, { autoexec })` yet (nesting is being added)'
      : undefined,
  async run(adapter) {
    expectLength(await need(adapter, 'incrSums')(GROUPS), GROUPS.length, 'incrSum');
  },
};
