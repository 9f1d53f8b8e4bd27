export { createClient } from './redis-client.js';
export type { RedisClient } from './redis-client.js';
export type { ClientConfig } from './client-config.js';
export { defineScript } from './define-script.js';
export type { Script, ScriptShape } from './define-script.js';
export { fromIoredis } from './from-ioredis.js';
export type { IoredisLike, IoredisPipelineLike } from './ioredis/ioredis-like.js';
export { RedisConnection } from './connection/redis-connection.js';
export type { ConnectionStatus, SendOptions } from './connection/redis-connection.js';
export type { ReconnectOptions, RedisConnectionOptions } from './connection/connection-options.js';
export {
  CommandTimeoutError,
  ConnectionClosedError,
  ConnectionError,
  OfflineQueueFullError,
  ProtocolError,
} from './errors.js';
export * from '@redspec/types';
