import { need } from '../clients/client-adapter.js';
import type { Workload } from './workload.js';

const MB = 1024 * 1024;

/** The keys the GET workloads read, filled by seed.ts. */
export const LARGE_SIZES = [MB, 16 * MB] as const;
export const largeKey = (size: number): string => `bench:large:${size / MB}mb`;

function byteLength(reply: unknown): number {
  if (typeof reply === 'string') return reply.length;
  if (reply instanceof Uint8Array) return reply.length;
  throw new Error(`GET replied ${typeof reply}`);
}

/**
 * GET or SET of one large value, as a string or a Buffer: throughput is bytes moved, and the
 * worker's peak RSS shows what each client holds on the way (chunks, joins, copies).
 */
export function largeValue(op: 'get' | 'set', size: number, mode: 'string' | 'buffer'): Workload {
  const mb = size / MB;
  const value = mode === 'string' ? 'x'.repeat(size) : Buffer.alloc(size, 'x');
  return {
    id: `${op}-${mb}mb-${mode}`,
    title: `${op.toUpperCase()} of a ${mb} MB value as a ${mode === 'string' ? 'string' : 'Buffer'} (cmd/s × ${mb} = MB/s)`,
    endpoint: 'standalone',
    subjects: ['redspec', 'ioredis', 'node-redis', 'glide'],
    opsPerIteration: 1,
    iterations: mb === 1 ? 200 : 16,
    warmup: mb === 1 ? 20 : 3,
    async run(adapter) {
      if (op === 'set') {
        await need(adapter, 'set')(`bench:large:set:${mb}mb`, value);
        return;
      }
      const get = mode === 'string' ? need(adapter, 'get') : need(adapter, 'getBuffer');
      const length = byteLength(await get(largeKey(size)));
      if (length !== size) throw new Error(`GET returned ${length} bytes, expected ${size}`);
    },
  };
}

/** Every large-value workload. */
export const LARGE_VALUE_WORKLOADS: readonly Workload[] = LARGE_SIZES.flatMap((size) =>
  (['get', 'set'] as const).flatMap((op) =>
    (['string', 'buffer'] as const).map((mode) => largeValue(op, size, mode)),
  ),
);
