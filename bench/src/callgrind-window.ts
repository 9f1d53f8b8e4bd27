/**
 * Instruction counts for one stretch of a benchmark, when it runs under
 * `valgrind --tool=callgrind --instr-atstart=no`: `callgrindWindow()` turns instrumentation on
 * (through `callgrind_control`, which reaches the process even while it waits in the event
 * loop) and returns a function that dumps the counts and turns it off again. Start-up, server
 * start and shutdown stay out of the count: counting them varied by 50–250 million
 * instructions between runs, which swamped a difference of two run lengths. Without
 * `CALLGRIND_WINDOW=1` both are no-ops.
 *
 * @example
 * await countInstructions(n, () => client.incr('k'));
 * // callgrind.out.<pid>.1 … .8: the instructions of n / 8 calls each
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function callgrindWindow(): Promise<() => Promise<void>> {
  if (process.env['CALLGRIND_WINDOW'] !== '1') return async () => {};
  const pid = String(process.pid);
  await run('callgrind_control', ['--instr=on', pid]);
  return async () => {
    await run('callgrind_control', ['--dump=window', pid]);
    await run('callgrind_control', ['--instr=off', pid]);
  };
}

/**
 * Under `CALLGRIND_WINDOW=1`: dumps the instructions of `count` awaited calls of `step`, in
 * windows of `count / 8` calls each (callgrind.out.<pid>.1 … .8). Compare windows, not totals:
 * a window can hold a one-off (a GC, a re-optimization) the others do not.
 */
export async function countInstructions(
  count: number,
  step: () => Promise<unknown>,
): Promise<void> {
  for (let window = 0; window < 8; window++) {
    const done = await callgrindWindow();
    for (let i = 0; i < count / 8; i++) await step();
    await done();
  }
}
