/**
 * One heap sample of one build: `node --expose-gc --import tsx src/heap-build-worker.ts
 * <client entry> <url>`. Uses only what every build of the client offers (createClient,
 * pipeline, get, set, incr) and prints one JSON line of bytes per command: allocated by a
 * pipeline of 1000 mixed SET/GET/INCR, by Promise.all of 10k GET and by sequential INCR, and
 * held per command in flight for the first two (see heap-sampling.ts).
 */
import { collectGarbage, liveBytesWhilePaused, sampledAllocations } from './heap-sampling.js';

interface Pipeline {
  set(key: string, value: string): unknown;
  get(key: string): unknown;
  incr(key: string): unknown;
  execute(): Promise<unknown>;
}
interface Client {
  pipeline(): Pipeline;
  get(key: string): Promise<unknown>;
  incr(key: string): Promise<unknown>;
  quit(): Promise<unknown>;
}
interface ClientModule {
  createClient(url: string): { connect(): Promise<Client> };
}

const [entry = '', url = ''] = process.argv.slice(2);
const module = (await import(entry)) as ClientModule;
const client = await module.createClient(url).connect();

// Keys and values made once: the bench's own strings are not the client's allocations.
const keys = Array.from({ length: 1000 }, (_, i) => `heap:key:${i}`);
const counters = Array.from({ length: 1000 }, (_, i) => `heap:counter:${i}`);
const value = 'x'.repeat(32);
const gets = Array.from({ length: 10_000 }, (_, i) => keys[i % 1000]!);

async function pipeline(): Promise<void> {
  const pipe = client.pipeline();
  for (let i = 0; i < 1000; i++) {
    if (i % 3 === 0) pipe.set(keys[i]!, value);
    else if (i % 3 === 1) pipe.get(keys[i - 1]!);
    else pipe.incr(counters[i]!);
  }
  await pipe.execute();
}
const getAll = (): Promise<unknown> => Promise.all(gets.map((key) => client.get(key)));
// Ten pipelines at once for the in-flight figure: one holds too few bytes to stand out of the
// heap's noise (one build's samples ranged from -45 to 183 bytes per command).
const tenPipelines = (): Promise<unknown> => Promise.all(Array.from({ length: 10 }, pipeline));
async function sequential(): Promise<void> {
  for (let i = 0; i < 2000; i++) await client.incr(counters[0]!);
}

for (let i = 0; i < 20; i++) await pipeline();
for (let i = 0; i < 3; i++) await getAll();
await sequential();

const perCommand = async (work: () => Promise<unknown>, commands: number, reps: number) =>
  (await sampledAllocations(async () => {
    for (let i = 0; i < reps; i++) await work();
  })) /
  (commands * reps);
const result = {
  allocatedPipeline: await perCommand(pipeline, 1000, 20),
  allocatedPromiseAll: await perCommand(getAll, 10_000, 4),
  allocatedSequential: await perCommand(sequential, 2000, 4),
  liveInflightPipeline: (await liveBytesWhilePaused(url, tenPipelines)) / 10_000,
  liveInflightPromiseAll: (await liveBytesWhilePaused(url, getAll)) / 10_000,
};
await client.quit();
collectGarbage();
process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
