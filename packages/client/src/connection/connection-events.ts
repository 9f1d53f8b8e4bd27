import type { RespValue, ServerInfo } from '@redspec/types';

/** Where a connection is in its life. */
export type ConnectionStatus =
  'idle' | 'connecting' | 'ready' | 'reconnecting' | 'closing' | 'closed';

/** Payload of the `reconnecting` event. */
export interface ReconnectingEvent {
  readonly attempt: number;
  readonly delayMs: number;
  readonly error: Error;
}

/** Events a `RedisConnection` emits. `error` is only emitted when someone listens to it. */
export interface RedisConnectionEvents {
  ready: [server: ServerInfo];
  push: [frame: RespValue[]];
  error: [error: Error];
  reconnecting: [event: ReconnectingEvent];
  end: [error: Error | undefined];
}
