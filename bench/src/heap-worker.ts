/**
 * One heap sample: `node --expose-gc --import tsx src/heap-worker.ts <mode> <workload> <subject>
 * <url> <iterations>`. Prints one JSON line.
 *
 * - mode `allocated`: after the warm-up, V8's sampling heap profiler runs over the iterations,
 *   keeping the samples of objects the GC already collected; the sum of its (scaled) sizes
 *   estimates every byte allocated on the JS heap. Buffers' backing stores are outside the heap
 *   and not counted. (`--trace-gc-nvp`'s `allocated=` was tried first: its sums across a run
 *   were not monotonic in the work done.)
 * - mode `inflight`: the server is paused (CLIENT PAUSE, from a connection of its own), the
 *   workload's commands are issued and written, and the live heap after a full GC is compared
 *   with the one before issuing them: what holding a command awaiting its reply costs.
 */
import type { Endpoint } from './clients/client-adapter.js';
import { isSubjectId, SUBJECTS } from './clients/subjects.js';
import { collectGarbage, liveBytesWhilePaused, sampledAllocations } from './heap-sampling.js';
import { findWorkload } from './workloads/all-workloads.js';

const [mode = '', workloadId = '', subjectId = '', url = '', iterationsRaw = '1'] =
  process.argv.slice(2);

const workload = findWorkload(workloadId);
if (!isSubjectId(subjectId)) throw new Error(`unknown subject ${subjectId}`);
const endpoint: Endpoint = { kind: 'standalone', url };
const adapter = await SUBJECTS[subjectId].create(endpoint);
const iterations = Number(iterationsRaw);
let result: Record<string, number>;
try {
  for (let i = 0; i < workload.warmup; i++) await workload.run(adapter);
  if (mode === 'allocated') {
    // HEAP_TOP=n: where the bytes were allocated, for the profile evidence of a change.
    const bytes = await sampledAllocations(
      async () => {
        for (let i = 0; i < iterations; i++) await workload.run(adapter);
      },
      Number(process.env.HEAP_TOP ?? 0),
    );
    result = { commands: iterations * workload.opsPerIteration, bytes };
  } else if (mode === 'inflight') {
    const bytes = await liveBytesWhilePaused(url, () => workload.run(adapter));
    result = { commands: workload.opsPerIteration, bytes };
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
} finally {
  await adapter.close();
}
collectGarbage();
process.stdout.write(`${JSON.stringify({ ok: true, ...result })}\n`, () => process.exit(0));
