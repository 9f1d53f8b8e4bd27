import {
  CommandFlag,
  reshapeCommand,
  type CommandSpec,
  type PreparedCommand,
  type RedisArgument,
} from '@redspec/types/internal';
import type { ClusterRouting } from './cluster-backend.js';
import { routePrepared } from './command-route.js';
import { SLOT_COUNT } from './key-slot.js';
import type { ClusterNode } from './slot-map.js';
import type { SlotGroup } from './split-by-slot.js';

/** One command for one node: a command of the batch, or a part of a split or fanned-out one. */
export interface BatchPart {
  /** Undefined when no node serves its slot now: it goes straight to `resend`. */
  readonly node: ClusterNode | undefined;
  /** Shaped by nobody (plan 0): its raw reply is what the batch returns, or merges. */
  readonly command: PreparedCommand;
  /** Its slot, to send it again after a redirection; undefined for fan-out parts. */
  readonly slot: number | undefined;
  readonly read: boolean;
  /** Why it has no node. */
  readonly unrouted?: unknown;
}

/**
 * How one command's reply is made from its parts' replies: a number is the one part whose
 * reply it is (GET, SET, INCR: nearly every command of a batch, so no object for them).
 */
export type BatchEntry =
  | number
  | {
      readonly kind: 'split';
      readonly spec: CommandSpec;
      readonly groups: readonly SlotGroup[];
      readonly parts: readonly number[];
    }
  | { readonly kind: 'fanout'; readonly spec: CommandSpec; readonly parts: readonly number[] };

/** What one node gets: its parts, in batch order, sent as one batch. */
export interface NodeBatch {
  readonly node: ClusterNode;
  readonly parts: number[];
  readonly commands: PreparedCommand[];
}

export interface BatchPlan {
  readonly parts: BatchPart[];
  /** One per command of the batch, in order. */
  readonly entries: BatchEntry[];
  readonly batches: Map<string, NodeBatch>;
}

/**
 * The command with other arguments, and no reply plan: a part's raw reply gets merged first. A
 * command that already is one (GET, SET, INCR: plan 0, its own arguments) is used as it is: the
 * object spread per command showed in the cluster batch's profile.
 */
export const rawPart = (
  command: PreparedCommand,
  args?: readonly RedisArgument[],
): PreparedCommand =>
  command.plan === 0 && (args === undefined || args === command.args)
    ? command
    : reshapeCommand(command, { args: args ?? command.args, plan: 0 });

/**
 * Routes every command of a batch by its spec and groups the resulting parts per node: keyed
 * commands to their slot's node (a replica for reads when `readFrom` allows), keyless ones to a
 * random primary, `multi_shard` commands spanning slots as one part per slot, fan-out commands
 * as one part per target node. Throws before anything is sent when a command cannot be routed
 * (`CrossSlotError` for RENAME across slots, `ClusterRoutingError` for SCAN …).
 */
export function planBatch(
  routing: ClusterRouting,
  commands: readonly PreparedCommand[],
): BatchPlan {
  const plan: BatchPlan = { parts: [], entries: [], batches: new Map() };
  const toSlot = (command: PreparedCommand, slot: number, read: boolean): number => {
    let node: ClusterNode;
    try {
      node = routing.nodeForSlot(slot, read);
    } catch (unrouted) {
      return plan.parts.push({ node: undefined, command, slot, read, unrouted }) - 1;
    }
    return addPart(plan, { node, command, slot, read });
  };
  for (const command of commands) {
    const spec = command.spec;
    if (spec === undefined) {
      // A module's command: any node; a MOVED reply names its slot and it is sent there.
      plan.entries.push(toSlot(rawPart(command), randomSlot(), false));
      continue;
    }
    const route = routePrepared(spec, command);
    const read = (spec.flags & CommandFlag.READONLY) !== 0;
    switch (route.kind) {
      case 'slot':
        plan.entries.push(toSlot(rawPart(command), route.slot, read));
        break;
      case 'any':
        plan.entries.push(toSlot(rawPart(command), randomSlot(), read));
        break;
      case 'split': {
        const parts = route.groups.map((group) =>
          toSlot(rawPart(command, group.wire), group.slot, read),
        );
        plan.entries.push({ kind: 'split', spec, groups: route.groups, parts });
        break;
      }
      case 'fanout': {
        const nodes = routing.nodes(route.nodes);
        const part = rawPart(command);
        const parts = nodes.map((node) =>
          addPart(plan, { node, command: part, slot: undefined, read: false }),
        );
        plan.entries.push({ kind: 'fanout', spec, parts });
        break;
      }
    }
  }
  return plan;
}

function addPart(plan: BatchPlan, part: BatchPart & { readonly node: ClusterNode }): number {
  const index = plan.parts.push(part) - 1;
  let batch = plan.batches.get(part.node.address);
  if (batch === undefined) {
    batch = { node: part.node, parts: [], commands: [] };
    plan.batches.set(part.node.address, batch);
  }
  batch.parts.push(index);
  batch.commands.push(part.command);
  return index;
}

/** A random slot's node: a random primary, weighted by the slots it serves. */
export const randomSlot = (): number => Math.floor(Math.random() * SLOT_COUNT);
