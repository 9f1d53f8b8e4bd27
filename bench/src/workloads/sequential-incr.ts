import { need } from '../clients/client-adapter.js';
import { referenceRun } from '../redis-benchmark.js';
import type { Workload } from './workload.js';

const BATCH = 1_000;

/** Awaited INCRs one after another: one round trip each, the latency path. */
export const sequentialIncr: Workload = {
  id: 'sequential-incr',
  title: 'Sequential awaited INCR (20k)',
  endpoint: 'standalone',
  subjects: ['redspec', 'minimal', 'ioredis', 'ioredis-auto', 'node-redis', 'glide'],
  opsPerIteration: BATCH,
  iterations: 20,
  warmup: 2,
  reference: referenceRun(1, ['incr'], 40_000),
  async run(adapter) {
    const incr = need(adapter, 'incr');
    let last: unknown;
    for (let i = 0; i < BATCH; i++) last = await incr('bench:seq');
    if (typeof last !== 'number') throw new Error(`INCR replied ${String(last)}`);
  },
};
