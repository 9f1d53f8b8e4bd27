import { Session } from 'node:inspector/promises';
import { rawCommand, targetFromUrl } from '@redspec/test-utils';

const exposed = (globalThis as { gc?: () => void }).gc;

/** `global.gc`, which the heap measurements need: run with `--expose-gc`. */
export function collectGarbage(): void {
  if (exposed === undefined) throw new Error('run with --expose-gc');
  exposed();
}

/**
 * Bytes allocated on the JS heap while `work` runs, from V8's sampling heap profiler (512-byte
 * rate), counting the samples of objects the GC already collected: the sum of the (scaled)
 * sizes estimates every byte allocated. Buffers' backing stores are outside the heap and not
 * counted. (`--trace-gc-nvp`'s `allocated=` was tried first: its sums across a run were not
 * monotonic in the work done.) `top` > 0 prints where the bytes were allocated to stderr.
 */
export async function sampledAllocations(work: () => Promise<void>, top = 0): Promise<number> {
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
  for (const [site, bytes] of [...sites].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stderr.write(`${((100 * bytes) / total).toFixed(1).padStart(5)}%  ${site}\n`);
  }
  return total;
}

/**
 * The live heap that `issue`'s commands hold while they await their replies: the server at
 * `url` is paused (CLIENT PAUSE, from a connection of its own), the commands are issued and
 * written, and the heap after a full GC is compared with the one before. Resolves once the
 * replies came.
 */
export async function liveBytesWhilePaused(
  url: string,
  issue: () => Promise<unknown>,
): Promise<number> {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  await rawCommand(targetFromUrl(url), ['CLIENT', 'PAUSE', '3000', 'ALL']);
  const running = issue();
  // Long enough for every client to write its commands; the server answers none of them yet.
  await new Promise((resolve) => setTimeout(resolve, 500));
  collectGarbage();
  const during = process.memoryUsage().heapUsed;
  await running;
  return during - before;
}
