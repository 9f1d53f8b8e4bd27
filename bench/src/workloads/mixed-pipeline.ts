import { need } from '../clients/client-adapter.js';
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
      'ioredis',
      'node-redis',
      'glide',
    ],
    opsPerIteration: size,
    iterations,
    warmup: Math.max(5, Math.round(iterations / 10)),
    async run(adapter) {
      expectLength(await need(adapter, 'pipeline')(commands), size, 'pipeline');
    },
  };
}
