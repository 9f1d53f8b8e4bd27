import { RedspecError } from '@redspec/types';

/**
 * Commands that change the state of the connection they run on. The client multiplexes every
 * caller over one connection, so these would leak into other callers' commands; each message
 * names what to use instead.
 */
const connectionStateCommands: Readonly<Record<string, string>> = {
  MULTI: 'use client.pipeline({ transaction: true })',
  EXEC: 'use client.pipeline({ transaction: true })',
  DISCARD: 'use client.pipeline({ transaction: true })',
  WATCH: 'use pipe.watch() or client.transaction()',
  UNWATCH: 'use pipe.watch() or client.transaction()',
  SELECT: 'set `db` in the client config',
  RESET: 'create a new client',
  MONITOR: 'use a RedisConnection of its own',
  'CLIENT REPLY': 'use a RedisConnection of its own',
  SUBSCRIBE: 'use a RedisConnection of its own',
  PSUBSCRIBE: 'use a RedisConnection of its own',
  SSUBSCRIBE: 'use a RedisConnection of its own',
  UNSUBSCRIBE: 'use a RedisConnection of its own',
  PUNSUBSCRIBE: 'use a RedisConnection of its own',
  SUNSUBSCRIBE: 'use a RedisConnection of its own',
};

/** Refused because it would change the shared connection's state for every caller. */
export class SharedConnectionError extends RedspecError {
  override name = 'SharedConnectionError';
  constructor(
    readonly command: string,
    advice: string,
  ) {
    super(`${command} would change the state of the client's shared connection: ${advice}`);
  }
}

/** The refusal for `command`, or undefined when it is safe on a shared connection. */
export function sharedConnectionRefusal(command: string): SharedConnectionError | undefined {
  const advice = connectionStateCommands[command];
  return advice === undefined ? undefined : new SharedConnectionError(command, advice);
}
