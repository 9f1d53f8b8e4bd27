import { need } from '../clients/client-adapter.js';
import { expectLength, type Workload } from './workload.js';

const SIZE = 100;
const KEYS = Array.from({ length: SIZE }, (_, i) => `bench:multi:${i}`);

/** MULTI, 100 INCR, EXEC. */
export const multiExec: Workload = {
  id: 'multi-exec-100',
  title: 'MULTI/EXEC of 100 INCR',
  endpoint: 'standalone',
  subjects: ['redspec', 'ioredis', 'node-redis', 'glide'],
  opsPerIteration: SIZE,
  iterations: 600,
  warmup: 60,
  async run(adapter) {
    expectLength(await need(adapter, 'multiIncr')(KEYS), SIZE, 'EXEC');
  },
};
