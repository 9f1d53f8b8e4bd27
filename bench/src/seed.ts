import { createClient } from '@redspec/client';
import { SEED_VALUE, SEEDED_KEYS, seededKey } from './workloads/workload.js';

/** Fills the keys the GET workloads read, so every GET finds a 32-byte value. */
export async function seed(url: string): Promise<void> {
  const client = await createClient(url).connect();
  try {
    const sets = Array.from({ length: SEEDED_KEYS }, (_, i) => ['SET', seededKey(i), SEED_VALUE]);
    await client.sendBatch(sets);
  } finally {
    await client.quit();
  }
}
