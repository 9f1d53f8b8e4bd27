import { createClient } from '@redspec/client';
import { SEED_VALUE, SEEDED_KEYS, seededKey } from './workloads/workload.js';

/** Fills the keys the GET workloads read, so every GET finds a 32-byte value. */
export async function seed(url: string): Promise<void> {
  const client = await createClient(url).connect();
  try {
    await client.pipeline((p) => {
      for (let i = 0; i < SEEDED_KEYS; i++) p.set(seededKey(i), SEED_VALUE);
    });
  } finally {
    await client.quit();
  }
}
