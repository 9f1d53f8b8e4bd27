import { appendFileSync } from 'node:fs';

/** How an operation ended, and how long it took to. */
export type Settled =
  | { readonly status: 'fulfilled'; readonly value: unknown; readonly ms: number }
  | { readonly status: 'rejected'; readonly error: Error; readonly ms: number }
  | { readonly status: 'pending'; readonly ms: number };

/**
 * Waits for `operation` at most `limitMs`; reports how it settled and after how long, or that
 * it was still pending. Fault tests assert both: a hang shows up as `pending`, never as a test
 * that times out without saying which operation hung.
 */
export async function settleWithin(operation: Promise<unknown>, limitMs: number): Promise<Settled> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const pending = new Promise<'pending'>((resolve) => {
    timer = setTimeout(() => resolve('pending'), limitMs);
  });
  const outcome = await Promise.race([
    operation.then(
      (value) => ({ status: 'fulfilled' as const, value }),
      (error: unknown) => ({ status: 'rejected' as const, error: error as Error }),
    ),
    pending,
  ]);
  clearTimeout(timer);
  const ms = Math.round(performance.now() - started);
  return outcome === 'pending' ? { status: 'pending', ms } : { ...outcome, ms };
}

/**
 * Every operation settled with `settleWithin`, all at once, by name. With
 * `REDSPEC_FAULT_REPORT=<file>` set, each outcome is also appended to that file (one JSON line:
 * fault, operation, outcome, ms), from which docs/guides/reliability.md's table is written.
 */
export async function settleAll(
  operations: Record<string, () => Promise<unknown>>,
  limitMs: number,
  fault = '',
): Promise<Record<string, Settled>> {
  const names = Object.keys(operations);
  const settled = await Promise.all(
    names.map((name) => settleWithin(operations[name]!(), limitMs)),
  );
  const report = process.env['REDSPEC_FAULT_REPORT'];
  if (report !== undefined && fault !== '') {
    const lines = names.map((name, i) => {
      const outcome = settled[i]!;
      const result =
        outcome.status === 'rejected'
          ? `${outcome.error.name}: ${outcome.error.message}`
          : outcome.status === 'fulfilled'
            ? JSON.stringify(outcome.value)
            : 'still pending';
      const line = { fault, operation: name, status: outcome.status, result, ms: outcome.ms };
      return JSON.stringify(line);
    });
    appendFileSync(report, `${lines.join('\n')}\n`);
  }
  return Object.fromEntries(names.map((name, i) => [name, settled[i]!]));
}
