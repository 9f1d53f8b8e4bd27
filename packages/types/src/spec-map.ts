import type { CommandSpec } from './command-spec.js';
import { commandTable, type CommandMethod } from './generated/command-table.js';

/**
 * Re-keys a record of generated method names by their specs: calls carry the spec, not the
 * method's name (a raw `sendCommand` has none), so guards look commands up by spec.
 */
export function mapBySpec<TMethod extends CommandMethod, TValue>(
  byMethod: Readonly<Record<TMethod, TValue>>,
): Map<CommandSpec, TValue> {
  const methods = Object.keys(byMethod) as TMethod[];
  return new Map(methods.map((method) => [commandTable[method], byMethod[method]]));
}
