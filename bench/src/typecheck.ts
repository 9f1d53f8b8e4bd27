import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { TypecheckResult } from './results.js';
import { BENCH_DIR, runChild } from './run-child.js';
import { spread } from './stats.js';

/** `tsc --extendedDiagnostics` figures for one fixture under `bench/typecheck/`. */
export interface TypecheckRun {
  readonly checkSeconds: number;
  readonly memoryKb: number;
  readonly instantiations: number;
  readonly types: number;
}

/** The fixtures: one sample app per client, and a baseline without any client. */
export const TYPECHECK_FIXTURES = ['redspec', 'node-redis', 'ioredis', 'baseline'] as const;
export type TypecheckFixture = (typeof TYPECHECK_FIXTURES)[number];

const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

function field(output: string, label: string): number {
  const match = new RegExp(`^${label}:\\s+([\\d.]+)`, 'm').exec(output);
  if (match?.[1] === undefined) throw new Error(`tsc printed no "${label}"`);
  return Number(match[1]);
}

/** Runs `tsc --extendedDiagnostics --noEmit` on one fixture; fails if the fixture has errors. */
export async function typecheck(fixture: TypecheckFixture): Promise<TypecheckRun> {
  const project = join(BENCH_DIR, 'typecheck', fixture, 'tsconfig.json');
  const args = [TSC, '-p', project, '--extendedDiagnostics', '--noEmit'];
  const output = await runChild(process.execPath, args, 120_000);
  if (output.code !== 0) throw new Error(`tsc on ${fixture} failed:\n${output.stdout.trim()}`);
  return {
    checkSeconds: field(output.stdout, 'Check time'),
    memoryKb: field(output.stdout, 'Memory used'),
    instantiations: field(output.stdout, 'Instantiations'),
    types: field(output.stdout, 'Types'),
  };
}

/** `runs` typechecks of every fixture, interleaved, each after a quiet check. */
export async function measureTypechecks(
  runs: number,
  quiet: () => Promise<unknown>,
): Promise<TypecheckResult[]> {
  const byFixture = new Map<TypecheckFixture, TypecheckRun[]>(
    TYPECHECK_FIXTURES.map((f) => [f, []]),
  );
  for (let run = 0; run < runs; run++) {
    for (const fixture of TYPECHECK_FIXTURES) {
      await quiet();
      byFixture.get(fixture)?.push(await typecheck(fixture));
    }
  }
  return TYPECHECK_FIXTURES.map((fixture) => {
    const samples = byFixture.get(fixture) ?? [];
    return {
      fixture,
      runs: samples,
      checkSeconds: spread(samples.map((sample) => sample.checkSeconds)),
      memoryKb: spread(samples.map((sample) => sample.memoryKb)),
      instantiations: samples[0]?.instantiations ?? NaN,
      types: samples[0]?.types ?? NaN,
    };
  });
}
