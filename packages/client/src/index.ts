// @redspec/client: what an application imports. Every name here is documented for users.
export { createClient } from './client/redis-client.js';
export type { ClientBase, RedisClient } from './client/redis-client.js';
export type { ClientConfig } from './client/client-config.js';
export type { ClientSideCacheOptions } from './cache/cache-options.js';
export type { CacheStats } from './cache/client-side-cache.js';
export type { PipelineMethods } from './client/pipeline-methods.js';
export { createCluster } from './cluster/cluster-client.js';
export type { RedisCluster } from './cluster/cluster-client.js';
export type { ClusterConfig, NodeAddress, ReadFrom } from './cluster/cluster-config.js';
export type { ClusterNode } from './cluster/slot-map.js';
export { keySlot } from './cluster/key-slot.js';
export { createSentinel } from './sentinel/sentinel-client.js';
export type { SentinelConfig } from './sentinel/sentinel-config.js';
export type { FailoverEvent } from './sentinel/failover-event.js';
export { fromIoredis } from './ioredis/from-ioredis.js';
export type { FromIoredisOptions } from './ioredis/from-ioredis.js';
export type { IoredisLike, IoredisPipelineLike } from './ioredis/ioredis-like.js';
export { defineScript } from './client/define-script.js';
export type { Script, ScriptRunner, ScriptShape } from './client/define-script.js';
export type { ReconnectOptions } from './connection/connection-options.js';
export type { ReconnectingEvent } from './connection/connection-events.js';
export type { ClientEvents } from './backend/client-events.js';
export { traceChannels } from './tracing/trace-channels.js';
export type {
  BatchTraceContext,
  CommandTraceContext,
  ConnectTraceContext,
  ServerTraceFields,
} from './tracing/trace-contexts.js';
export type { PubSubMethods } from './pubsub/pubsub-methods.js';
export type { Subscription } from './pubsub/subscription.js';
export type {
  MessageListener,
  OverflowPolicy,
  PubSubMessage,
  ResubscribedEvent,
  SubscribeOptions,
  SubscriptionKind,
} from './pubsub/pubsub-types.js';
export { Future, pipeline, registerClient, unregisterClient } from '@redspec/pipeline';
export type {
  FutureContext,
  FutureValues,
  NestedPipelineOptions,
  OnExecuteOptions,
  Pipeline,
  PipelineCallback,
  PipelineOptions,
  TransactionOptions,
} from '@redspec/pipeline';
export type * from '@redspec/types';
export * from './errors-index.js';
