/**
 * One sample: `tsx src/worker.ts <workload> <subject> <endpoint JSON> <scale>` connects one
 * client, runs the workload's warm-up and timed iterations, and prints one JSON line.
 */
import type { Endpoint } from './clients/client-adapter.js';
import { isSubjectId, SUBJECTS } from './clients/subjects.js';
import { findWorkload } from './workloads/all-workloads.js';
import type { WorkerReply } from './worker-reply.js';

async function sample(argv: readonly string[]): Promise<WorkerReply> {
  const [workloadId = '', subjectId = '', endpointJson = '{}', scaleRaw = '1'] = argv;
  const workload = findWorkload(workloadId);
  if (!isSubjectId(subjectId)) throw new Error(`unknown subject ${subjectId}`);
  const adapter = await SUBJECTS[subjectId].create(JSON.parse(endpointJson) as Endpoint);
  try {
    const scale = Number(scaleRaw);
    const iterations = Math.max(1, Math.round(workload.iterations * scale));
    const warmup = Math.max(1, Math.round(workload.warmup * Math.min(1, scale)));
    for (let i = 0; i < warmup; i++) await workload.run(adapter);
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < iterations; i++) await workload.run(adapter);
    const ms = performance.now() - started;
    const { user, system } = process.cpuUsage(cpu);
    const ops = iterations * workload.opsPerIteration;
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    const opsPerSec = (ops / ms) * 1000;
    return { ok: true, ms, ops, opsPerSec, cpuUsPerOp: (user + system) / ops, peakRssMb };
  } finally {
    await adapter.close();
  }
}

function print(reply: WorkerReply): void {
  process.stdout.write(`${JSON.stringify(reply)}\n`, () => process.exit(reply.ok ? 0 : 1));
}

sample(process.argv.slice(2)).then(print, (error: unknown) =>
  print({ ok: false, error: error instanceof Error ? error.message : String(error) }),
);
