import { createClient } from '@redspec/client';
import { LARGE_SIZES, largeKey } from './workloads/large-values.js';
import { SEED_VALUE, SEEDED_KEYS, seededKey } from './workloads/workload.js';

/** Fills the keys the GET workloads read: 32-byte values, and the large values. */
export async function seed(url: string): Promise<void> {
  const client = await createClient(url).connect();
  try {
    await client.pipeline((p) => {
      for (let i = 0; i < SEEDED_KEYS; i++) p.set(seededKey(i), SEED_VALUE);
    });
    for (const size of LARGE_SIZES) await client.set(largeKey(size), 'x'.repeat(size));
  } finally {
    await client.quit();
  }
}
