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
import { Session } from 'node:inspector/promises';
import { rawCommand, targetFromUrl } from '@redspec/test-utils';
import { findWorkload } from './workloads/all-workloads.js';

const [mode = '', workloadId = '', subjectId = '', url = '', iterationsRaw = '1'] =
  process.argv.slice(2);
const exposed = (globalThis as { gc?: () => void }).gc;
if (exposed === undefined) throw new Error('run with --expose-gc');
const gc: () => void = exposed;

const workload = findWorkload(workloadId);
if (!isSubjectId(subjectId)) throw new Error(`unknown subject ${subjectId}`);
const endpoint: Endpoint = { kind: 'standalone', url };
const adapter = await SUBJECTS[subjectId].create(endpoint);
const iterations = Number(iterationsRaw);
let result: Record<string, number>;
try {
  for (let i = 0; i < workload.warmup; i++) await workload.run(adapter);
  if (mode === 'allocated') {
    const bytes = await sampledAllocations(async () => {
      for (let i = 0; i < iterations; i++) await workload.run(adapter);
    });
    result = { commands: iterations * workload.opsPerIteration, bytes };
  } else if (mode === 'inflight') {
    result = await inflight();
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
} finally {
  await adapter.close();
}
gc();
process.stdout.write(`${JSON.stringify({ ok: true, ...result })}\n`, () => process.exit(0));

async function inflight(): Promise<Record<string, number>> {
  const pauseMs = 3_000;
  gc();
  const before = process.memoryUsage().heapUsed;
  await rawCommand(targetFromUrl(url), ['CLIENT', 'PAUSE', String(pauseMs), 'ALL']);
  const running = workload.run(adapter);
  // Long enough for every client to write its commands; the server answers none of them yet.
  await new Promise((resolve) => setTimeout(resolve, 500));
  gc();
  const during = process.memoryUsage().heapUsed;
  await running;
  return { commands: workload.opsPerIteration, bytes: during - before };
}

/** Bytes allocated on the JS heap while `work` runs, from sampled allocations (512-byte rate). */
async function sampledAllocations(work: () => Promise<void>): Promise<number> {
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 512,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  await work();
  const { profile } = await session.post('HeapProfiler.stopSampling');
  session.disconnect();
  let total = 0;
  const sites = new Map<string, number>();
  const pending = [profile.head];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    total += node.selfSize;
    const { functionName, url: file, lineNumber } = node.callFrame;
    const site = `${functionName || '(anonymous)'} ${file.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
    sites.set(site, (sites.get(site) ?? 0) + node.selfSize);
    pending.push(...node.children);
  }
  // HEAP_TOP=n: where the bytes were allocated, for the profile evidence of a change.
  const top = Number(process.env.HEAP_TOP ?? 0);
  for (const [site, bytes] of [...sites].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stderr.write(`${((100 * bytes) / total).toFixed(1).padStart(5)}%  ${site}\n`);
  }
  return total;
}
