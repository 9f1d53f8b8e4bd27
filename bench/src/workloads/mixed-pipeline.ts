import { need } from '../clients/client-adapter.js';
import { referenceRun } from '../redis-benchmark.js';
import { expectLength, mixedCommands, type Workload } from './workload.js';

/** An explicit pipeline of `size` SET/GET/INCR, read in full. */
export function mixedPipeline(size: number, iterations: number): Workload {
  const commands = mixedCommands(size);
  return {
    id: `pipeline-${size}`,
    title: `Pipeline of ${size} mixed SET/GET/INCR`,
    endpoint: 'standalone',
    subjects: [
      'redspec',
      'redspec-future-result',
      'redspec-await-future',
      'redspec-raw',
      'minimal',
      'ioredis',
      'node-redis',
      'glide',
    ],
    opsPerIteration: size,
    iterations,
    warmup: Math.max(5, Math.round(iterations / 10)),
    // About a second per test at the C client's speed on 2 cores.
    reference: referenceRun(size, ['set', 'get', 'incr'], Math.max(400_000, size * 2_000)),
    async run(adapter) {
      expectLength(await need(adapter, 'pipeline')(commands), size, 'pipeline');
    },
  };
}
