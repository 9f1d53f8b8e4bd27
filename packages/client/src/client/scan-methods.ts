import {
  CommandArgumentError,
  commandTable,
  isPlainObject,
  scanIteratorTable,
  type CommandSpec,
  type RedisArgument,
  type ScanIterator,
  type ScanIteratorMethod,
} from '@redspec/types/internal';

/** One scan iterator call: the command it pages through, with the cursor left to fill in. */
export interface ScanRequest {
  readonly spec: CommandSpec;
  /** The command's parameters for the page at `cursor`. */
  paramsAt(cursor: RedisArgument): unknown[];
  /** The `signal` option, taken out of the command's options. */
  readonly signal: AbortSignal | undefined;
}

/** What the generated scan iterator methods call: the client (or the cluster) runs the scan. */
export interface ScanOwner {
  openScan(request: ScanRequest): ScanIterator<unknown>;
}

/**
 * Reads an iterator call: its parameters are the command's without the cursor, and its options
 * are the command's plus `signal`, which the command itself would refuse as an unknown key.
 */
export function scanRequest(method: ScanIteratorMethod, params: readonly unknown[]): ScanRequest {
  const { command, cursorParam } = scanIteratorTable[method];
  const spec = commandTable[command];
  const positionals = params.slice(0, spec.params - 1);
  let options = params[spec.params - 1];
  let signal: AbortSignal | undefined;
  if (isPlainObject(options) && 'signal' in options) {
    const { signal: given, ...rest } = options as { signal?: unknown };
    if (given !== undefined && !(given instanceof AbortSignal)) {
      throw new CommandArgumentError(method, 'signal', 'must be an AbortSignal');
    }
    signal = given;
    options = rest;
  }
  const extra = params.slice(spec.params);
  return {
    spec,
    signal,
    paramsAt: (cursor) => [
      ...positionals.slice(0, cursorParam),
      cursor,
      ...positionals.slice(cursorParam),
      ...(spec.hasOptions || options !== undefined ? [options] : []),
      ...extra,
    ],
  };
}

/**
 * Adds `scanIterator`, `hscanIterator` … (one per entry of the generated `scanIteratorTable`)
 * to `prototype`, each handing its call to `openScan`. Only clients get them: a pipeline
 * cannot follow a cursor.
 */
export function defineScanIterators(prototype: ScanOwner): void {
  for (const method of Object.keys(scanIteratorTable) as ScanIteratorMethod[]) {
    if (Object.prototype.hasOwnProperty.call(prototype, method)) continue;
    Object.defineProperty(prototype, method, {
      value: function (this: ScanOwner, ...params: unknown[]) {
        return this.openScan(scanRequest(method, params));
      },
      writable: true,
      configurable: true,
    });
  }
}
