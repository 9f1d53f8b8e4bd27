export { createClient } from './redis-client.js';
export type { RedisClient } from './redis-client.js';
export type { ClientConfig } from './client-config.js';
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
