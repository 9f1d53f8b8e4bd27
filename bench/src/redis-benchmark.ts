import { hostPort } from './clients/client-adapter.js';
import { runChild } from './run-child.js';

/**
 * A `redis-benchmark` run on one connection (`-c 1`): what a C client gets out of the same
 * server on the same machine, the limit a workload is measured against.
 */
export interface ReferenceRun {
  readonly title: string;
  /** `-t`: the tests, in redis-benchmark's names; the workload sends them in equal shares. */
  readonly tests: readonly string[];
  /** `-P`: commands per pipeline (1 is one round trip per command). */
  readonly pipeline: number;
  /** `-n` at scale 1, per test. */
  readonly requests: number;
}

/** `redis-benchmark -c 1 -P <pipeline> -t <tests>` with 32-byte values (the bench's SEED_VALUE). */
export function referenceRun(
  pipeline: number,
  tests: readonly string[],
  requests: number,
): ReferenceRun {
  return {
    title: `redis-benchmark -c 1 -P ${pipeline} -t ${tests.join(',')}`,
    tests,
    pipeline,
    requests,
  };
}

/** Requests per second by test name (`INCR`, `SET`, `GET`), parsed from `--csv`. */
export function parseCsv(csv: string): Record<string, number> {
  const rates: Record<string, number> = {};
  for (const line of csv.trim().split('\n').slice(1)) {
    const [test, rps] = line.split(',').map((cell) => cell.replaceAll('"', ''));
    if (test !== undefined && rps !== undefined) rates[test] = Number(rps);
  }
  return rates;
}

/**
 * The rate of a workload sending the tests in equal shares: each command takes 1/rps of a
 * second, so the mix runs at tests / Σ(1/rps) (the harmonic mean), not the plain average.
 */
export function mixedRate(rates: Readonly<Record<string, number>>): number {
  const values = Object.values(rates).filter((rps) => rps > 0);
  if (values.length === 0) return NaN;
  return values.length / values.reduce((sum, rps) => sum + 1 / rps, 0);
}

/** Runs one reference against `url`; resolves with its requests/s by test. */
export async function runReference(
  run: ReferenceRun,
  url: string,
  scale: number,
): Promise<Record<string, number>> {
  const { host, port } = hostPort(url);
  const requests = Math.max(run.pipeline * 10, Math.round(run.requests * scale));
  const args = [
    ...['-h', host, '-p', String(port), '--csv', '-c', '1', '-d', '32'],
    ...['-P', String(run.pipeline), '-t', run.tests.join(','), '-n', String(requests)],
  ];
  const output = await runChild('redis-benchmark', args, 120_000);
  if (output.code !== 0) throw new Error(`redis-benchmark failed: ${output.stderr.trim()}`);
  const rates = parseCsv(output.stdout);
  if (Object.keys(rates).length === 0) throw new Error(`redis-benchmark printed ${output.stdout}`);
  return rates;
}
