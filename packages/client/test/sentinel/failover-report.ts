import { appendFileSync } from 'node:fs';

/**
 * With `REDSPEC_FAULT_REPORT=<file>` set, appends one figure as a JSON line (fault, operation,
 * status, result, ms), as the fault tests' `settleAll` does: tests print nothing.
 */
export function reportFigure(fault: string, operation: string, ms: number, result: string): void {
  const report = process.env['REDSPEC_FAULT_REPORT'];
  if (report === undefined) return;
  const line = { fault, operation, status: 'fulfilled', result, ms: Math.round(ms) };
  appendFileSync(report, `${JSON.stringify(line)}\n`);
}
