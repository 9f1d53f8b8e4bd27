export { createClient } from './redis-client.js';
export type { RedisClient } from './redis-client.js';
export type {
  ClientNestedPipelineOptions,
  ClientPipelineOptions,
  ClientTransactionOptions,
  PipelineMethods,
} from './pipeline-methods.js';
export type { ClientConfig } from './client-config.js';
export { defineScript } from './define-script.js';
export type { Script, ScriptRunner, ScriptShape } from './define-script.js';
export { fromIoredis } from './from-ioredis.js';
export type { IoredisLike, IoredisPipelineLike } from './ioredis/ioredis-like.js';
export { RedisConnection } from './connection/redis-connection.js';
export type { ConnectionStatus, SendOptions } from './connection/redis-connection.js';
export type { RedisConnectionEvents } from './connection/connection-events.js';
export type { ReconnectOptions, RedisConnectionOptions } from './connection/connection-options.js';
export {
  CommandTimeoutError,
  ConnectionClosedError,
  ConnectionError,
  OfflineQueueFullError,
  ProtocolError,
} from './errors.js';
export * from '@redspec/types';
export * from '@redspec/pipeline';
export { createCluster } from './cluster/redis-cluster.js';
export type { RedisCluster } from './cluster/redis-cluster.js';
export type { ClusterConfig, NodeAddress, ReadFrom } from './cluster/cluster-config.js';
export type { ClusterNode } from './cluster/slot-map.js';
export type { ClusterRouting } from './cluster/cluster-core.js';
export type { CommandRoute } from './cluster/command-route.js';
export type { SlotCommand } from './cluster/slot-sender.js';
export { keySlot } from './cluster/key-slot.js';
export {
  ClusterDiscoveryError,
  ClusterRoutingError,
  CrossSlotError,
  NodeUnreachableError,
  TooManyRedirectionsError,
} from './cluster/cluster-errors.js';
