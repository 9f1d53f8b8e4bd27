/**
 * `pnpm --filter @redspec/bench run sequential-cpu`: CPU time per awaited INCR, one at a time
 * (the write path's cost per command: encode, flush, socket write, read, decode, settle).
 * Starts its own redis-server; CPU time is this process's only, steadier than wall time when
 * other work shares the machine. Reports the median of several runs, with their spread.
 * Under callgrind with `CALLGRIND_WINDOW=1`, counts instructions instead (callgrind-window.ts).
 */
import { createClient } from '@redspec/client';
import { startRedisServer } from '@redspec/test-utils';
import { countInstructions } from './callgrind-window.js';
import { spread } from './stats.js';

const COMMANDS = Number(process.env['SEQ_COMMANDS'] ?? 20_000);
const RUNS = Number(process.env['SEQ_RUNS'] ?? 7);

const server = await startRedisServer();
const client = await createClient(server.url).connect();
try {
  for (let i = 0; i < 5_000; i++) await client.incr('bench:seq:warmup');
  if (process.env['CALLGRIND_WINDOW'] === '1') {
    // Under callgrind: instruction counts of SEQ_COMMANDS INCR (callgrind-window.ts), no timing.
    await countInstructions(COMMANDS, () => client.incr('bench:seq'));
  } else {
    await timeRuns();
  }
} finally {
  await client.quit();
  await server.stop();
}

async function timeRuns(): Promise<void> {
  const cpuNs: number[] = [];
  const wallUs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    for (let i = 0; i < COMMANDS; i++) await client.incr('bench:seq');
    const used = process.cpuUsage(cpu);
    wallUs.push(((performance.now() - started) * 1000) / COMMANDS);
    cpuNs.push(((used.user + used.system) * 1000) / COMMANDS);
  }
  const cpu = spread(cpuNs);
  const wall = spread(wallUs);
  process.stdout.write(
    `sequential INCR: CPU ${cpu.median.toFixed(0)} ns/command (${cpu.min.toFixed(0)}–${cpu.max.toFixed(0)}), ` +
      `wall ${wall.median.toFixed(1)} µs/command\n`,
  );
}
