import type { CommandSpec } from '@redspec/types/internal';

/**
 * PUBLISH has no key, so any node would do; but two nodes' messages reach a subscriber by
 * different paths (its node's clients directly, others' over the cluster bus) and interleave.
 * Sent to the node of the channel's slot, one publisher's messages on a channel always take the
 * same path and arrive in order, while different channels still spread over the primaries.
 * The position of the channel in PUBLISH's arguments, after the command word.
 */
export const channelPosition = (spec: CommandSpec): number | undefined =>
  spec.name === 'PUBLISH' ? 1 : undefined;

/**
 * How the cluster combines the replies of PUBSUB introspection, which Redis answers from the
 * asked node's clients only ("PUBSUB's replies in a cluster only report information from the
 * node's Pub/Sub context"). Subscribers connect to any node (classic channels, replicas
 * included) or to their shard's nodes (shard channels), so one node's view would depend on
 * which node a random pick asked; the cluster client asks every node and combines:
 * - CHANNELS, SHARDCHANNELS: the union of every node's channels (`union`);
 * - NUMSUB, SHARDNUMSUB: each channel's counts summed (`sum_per_channel`); a shard channel has
 *   subscribers only on the nodes of its slot's shard (a node drops them when the slot leaves),
 *   so the sum is its shard's count, right even while the client's slot map is stale;
 * - NUMPAT: each node's count of distinct patterns, summed (`agg_sum`).
 * One node's own view stays at hand with `cluster.nodeClient(node)`.
 */
const VIEWS: Readonly<Record<string, ClusterViewPolicy>> = {
  'PUBSUB CHANNELS': 'union',
  'PUBSUB SHARDCHANNELS': 'union',
  'PUBSUB NUMSUB': 'sum_per_channel',
  'PUBSUB SHARDNUMSUB': 'sum_per_channel',
  'PUBSUB NUMPAT': 'agg_sum',
};

/** Combinations of ours, beside the specs' response policies (see combine-replies.ts). */
export type ClusterViewPolicy = 'union' | 'sum_per_channel' | 'agg_sum';

/** Whether `spec` is a node-local PUBSUB view that the cluster asks of every node. */
export const isNodeLocalView = (spec: CommandSpec): boolean => VIEWS[spec.name] !== undefined;

/** The response policy that combines `spec`'s replies from several nodes. */
export const clusterResponsePolicy = (spec: CommandSpec): string | undefined =>
  VIEWS[spec.name] ?? spec.responsePolicy;
