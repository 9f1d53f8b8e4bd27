import { hostPort } from './clients/client-adapter.js';
import { runChild } from './run-child.js';

/** A `redis-benchmark` run: the server's limit as seen by a C client on the same machine. */
export interface ReferenceRun {
  readonly id: string;
  readonly title: string;
  readonly args: readonly string[];
}

export const REFERENCE_RUNS: readonly ReferenceRun[] = [
  {
    id: 'rb-incr-c1-p1',
    title: 'redis-benchmark INCR, 1 connection, no pipelining',
    args: ['-c', '1', '-P', '1', '-t', 'incr', '-n', '40000'],
  },
  {
    id: 'rb-setget-p1000',
    title: 'redis-benchmark SET/GET, 50 connections, -P 1000',
    args: ['-P', '1000', '-t', 'set,get', '-n', '2000000'],
  },
];

/** Requests per second by test name (`INCR`, `SET`, `GET`), parsed from `--csv`. */
export function parseCsv(csv: string): Record<string, number> {
  const rates: Record<string, number> = {};
  for (const line of csv.trim().split('\n').slice(1)) {
    const [test, rps] = line.split(',').map((cell) => cell.replaceAll('"', ''));
    if (test !== undefined && rps !== undefined) rates[test] = Number(rps);
  }
  return rates;
}

/** Runs one reference against `url`; resolves with its requests/s by test. */
export async function runReference(
  run: ReferenceRun,
  url: string,
): Promise<Record<string, number>> {
  const { host, port } = hostPort(url);
  const args = ['-h', host, '-p', String(port), '--csv', ...run.args];
  const output = await runChild('redis-benchmark', args, 120_000);
  if (output.code !== 0) throw new Error(`redis-benchmark failed: ${output.stderr.trim()}`);
  return parseCsv(output.stdout);
}
