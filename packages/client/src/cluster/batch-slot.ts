import type { PreparedCommand } from '@redspec/types/internal';
import { ClusterRoutingError, CrossSlotError } from './cluster-errors.js';
import { routeCommand } from './command-route.js';

/** What runs on one node, for the errors: `CrossSlotError.command`, and how to say it. */
export interface BatchLabel {
  readonly command: string;
  /** `a transaction`: what runs on one node. */
  readonly what: string;
}

export const TRANSACTION: BatchLabel = { command: 'MULTI/EXEC', what: 'a transaction' };
export const WATCHED: BatchLabel = { command: 'WATCH', what: 'a watched connection' };

/**
 * The one slot every key of `commands` hashes to, undefined when none has a key: what a
 * transaction or a watched connection needs, since each runs on one node. Throws before
 * anything is sent: `CrossSlotError` when keys span slots (a split MGET counts every slot),
 * `ClusterRoutingError` for a fan-out command (DBSIZE, FLUSHALL, PING …), which would
 * silently cover one node only. Commands the table does not know are left to the server.
 */
export function batchSlot(
  commands: readonly PreparedCommand[],
  label: BatchLabel,
): number | undefined {
  const slots = new Set<number>();
  for (const { spec, args } of commands) {
    if (spec === undefined) continue;
    const route = routeCommand(spec, args);
    switch (route.kind) {
      case 'slot':
        slots.add(route.slot);
        break;
      case 'split':
        for (const group of route.groups) slots.add(group.slot);
        break;
      case 'fanout': {
        const scope = route.nodes === 'all' ? 'node' : 'primary';
        throw new ClusterRoutingError(
          `${spec.name} runs on every ${scope}, but ${label.what} runs on one node: ` +
            'send it outside',
          spec.name,
        );
      }
      case 'any':
        break;
    }
  }
  if (slots.size > 1) {
    throw new CrossSlotError(label.command, [...slots], `the keys of ${label.what}`);
  }
  return slots.values().next().value;
}
