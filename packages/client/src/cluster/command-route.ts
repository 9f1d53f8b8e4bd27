import {
  commandKeyPositions,
  PlainCommand,
  soleKeyPosition,
  type CommandSpec,
  type PreparedCommand,
  type RedisArgument,
} from '@redspec/types/internal';
import { ClusterRoutingError, CrossSlotError } from './cluster-errors.js';
import { keySlot } from './key-slot.js';
import { splitBySlot, type SlotGroup } from './split-by-slot.js';

/**
 * Where a command goes in a cluster:
 * - `slot`: the node serving the slot of its keys (or shard channel, or PUBLISH's channel);
 * - `split`: a `multi_shard` command whose keys span slots, one part per slot;
 * - `fanout`: every primary (`all_shards`) or every node (`all_nodes`), replies combined;
 * - `any`: keyless, to any primary.
 */
export type CommandRoute =
  | { readonly kind: 'slot'; readonly slot: number }
  | { readonly kind: 'split'; readonly groups: readonly SlotGroup[] }
  | { readonly kind: 'fanout'; readonly nodes: 'primaries' | 'all' }
  | { readonly kind: 'any' };

/** Commands that would change the state of a shared node connection under everyone's feet. */
const refused: Readonly<Record<string, string>> = {
  ASKING: 'the cluster client sends ASKING itself after an ASK redirection',
  READONLY: "set readFrom: 'replica' in the cluster config",
  READWRITE: "set readFrom: 'primary' in the cluster config",
  SCAN: "SCAN walks one node's keys: call it on each primary, with cluster.nodeClient(node)",
};

/**
 * Routes an encoded command by its keys and request policy. Throws `CrossSlotError` when the
 * keys of a command that cannot be split hash to different slots, before anything is sent.
 *
 * Keyless commands whose response policy is `special` (INFO, RANDOMKEY, MEMORY STATS …) go to
 * one primary, so the reply keeps the type a single server gives; to ask each node, use
 * `cluster.nodeClient(node)`.
 */
export function routeCommand(spec: CommandSpec, wire: readonly RedisArgument[]): CommandRoute {
  const advice = refused[spec.name];
  if (advice !== undefined) throw new ClusterRoutingError(`${spec.name}: ${advice}`, spec.name);
  const sole = soleKeyPosition(spec, wire.length);
  if (sole !== -1) return { kind: 'slot', slot: keySlot(wire[sole]!) };
  const keyed = commandKeyPositions(spec, wire);
  const positions = keyed.length > 0 ? keyed : commandKeyPositions(spec, wire, { channels: true });
  if (positions.length === 0) return keylessRoute(spec, wire);
  const slots = positions.map((position) => keySlot(wire[position]!));
  const slot = slots[0]!;
  if (slots.every((other) => other === slot)) return { kind: 'slot', slot };
  const groups =
    spec.requestPolicy === 'multi_shard' ? splitBySlot(spec, wire, positions, slots) : undefined;
  if (groups !== undefined) return { kind: 'split', groups };
  throw new CrossSlotError(spec.name, [...new Set(slots)]);
}

/**
 * Routes a prepared command (see `routeCommand`). A plain typed call whose only key is at a
 * fixed index (GET, SET, INCR) is routed from that parameter, without building its wire words.
 */
export function routePrepared(spec: CommandSpec, command: PreparedCommand): CommandRoute {
  if (command instanceof PlainCommand && refused[spec.name] === undefined) {
    const words = spec.words.length;
    const sole = soleKeyPosition(spec, words + spec.params);
    if (sole >= words) return { kind: 'slot', slot: keySlot(command.param(sole - words)) };
  }
  return routeCommand(spec, command.args);
}

function keylessRoute(spec: CommandSpec, wire: readonly RedisArgument[]): CommandRoute {
  if (spec.responsePolicy === 'special') return { kind: 'any' };
  switch (spec.requestPolicy) {
    case 'all_shards':
      return { kind: 'fanout', nodes: 'primaries' };
    case 'all_nodes':
      return { kind: 'fanout', nodes: 'all' };
    case 'x-channel-slot':
      // Ours (specs/overlay/cluster-tips.json): PUBLISH goes to its channel's slot, for order.
      return { kind: 'slot', slot: keySlot(wire[spec.words.length]!) };
    default:
      return { kind: 'any' };
  }
}
