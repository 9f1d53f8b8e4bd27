/**
 * `pnpm --filter @redspec/bench run typed-layer`: the typed layer's cost per command, measured
 * in one process with the modes interleaved 30 times (steadier on a busy machine than the
 * cross-process table, and quick to rerun while optimizing). Starts its own redis-server.
 */
import { startRedisServer } from '@redspec/test-utils';
import { createRedspecAdapter, type RedspecPipelineMode } from './clients/redspec.js';
import { spread } from './stats.js';
import { mixedCommands } from './workloads/workload.js';

const MODES: readonly RedspecPipelineMode[] = ['raw', 'results', 'future-result', 'await-future'];
const SIZE = 1_000;
const PER_REP = 50;

const server = await startRedisServer();
const adapters = await Promise.all(MODES.map((mode) => createRedspecAdapter(server.url, mode)));
try {
  const commands = mixedCommands(SIZE);
  const usPerCommand = new Map<RedspecPipelineMode, number[]>(MODES.map((mode) => [mode, []]));
  // CPU time of this process only (redis-server runs in its own): steadier than wall time
  // when other work shares the machine.
  const cpuNsPerCommand = new Map<RedspecPipelineMode, number[]>(MODES.map((mode) => [mode, []]));
  for (let rep = 0; rep < 30; rep++) {
    for (const [i, adapter] of adapters.entries()) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      for (let k = 0; k < PER_REP; k++) await adapter.pipeline?.(commands);
      const used = process.cpuUsage(cpu);
      const us = ((performance.now() - started) * 1000) / (PER_REP * SIZE);
      const ns = ((used.user + used.system) * 1000) / (PER_REP * SIZE);
      if (rep > 0) usPerCommand.get(MODES[i] ?? 'raw')?.push(us);
      if (rep > 0) cpuNsPerCommand.get(MODES[i] ?? 'raw')?.push(ns);
    }
  }
  const raw = spread(usPerCommand.get('raw') ?? []).median;
  const rawCpu = spread(cpuNsPerCommand.get('raw') ?? []).median;
  for (const mode of MODES) {
    const { median } = spread(usPerCommand.get(mode) ?? []);
    const cpu = spread(cpuNsPerCommand.get(mode) ?? []).median;
    const line =
      `${mode.padEnd(14)} ${median.toFixed(3)} µs/command  ${(raw / median).toFixed(2)}× raw` +
      `  CPU ${cpu.toFixed(0)} ns/command  ${(cpu / rawCpu).toFixed(2)}× raw CPU`;
    process.stdout.write(`${line}\n`);
  }
} finally {
  await Promise.all(adapters.map((adapter) => adapter.close()));
  await server.stop();
}
