import { need } from '../clients/client-adapter.js';
import { expectLength, seededKey, type Workload } from './workload.js';

const COUNT = 10_000;
const KEYS = Array.from({ length: COUNT }, (_, i) => seededKey(i));

/** Promise.all of 10k GETs: whatever the client does to batch concurrent commands. */
export const concurrentGet: Workload = {
  id: 'promise-all-get',
  title: 'Promise.all of 10k GET',
  endpoint: 'standalone',
  subjects: ['redspec', 'ioredis', 'ioredis-auto', 'node-redis', 'glide'],
  opsPerIteration: COUNT,
  iterations: 10,
  warmup: 3,
  async run(adapter) {
    const get = need(adapter, 'get');
    expectLength(await Promise.all(KEYS.map((key) => get(key))), COUNT, 'GET');
  },
};
