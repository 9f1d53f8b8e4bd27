import { mapBySpec, type CommandSpec, type ConnectionStateCommand } from '@redspec/types/internal';
import { SharedConnectionError } from '../errors.js';

const TRANSACTION = 'use client.pipeline({ transaction: true }) or client.transaction()';
const WATCH = 'use client.transaction(fn, { watch }) or pipe.watch()';
const OWN_CONNECTION = 'a connection of its own is needed: use a separate client';
const PUBSUB = 'use client.subscribe(), psubscribe() or ssubscribe(), which own a connection';

/**
 * Commands that change the state of the connection they run on. A client multiplexes every
 * caller over one connection, so these would leak into other callers' commands (subscriber or
 * monitor mode, CLIENT REPLY OFF, another database or protocol, a replication stream). The
 * client's type leaves them out (`SharedConnectionCommands`, generated from
 * specs/overlay/connection-state.json) and its runtime refuses them, raw ones included, each
 * with what to use instead; `satisfies` keeps this list and the overlay's the same.
 */
const refusals = {
  multi: TRANSACTION,
  exec: TRANSACTION,
  discard: TRANSACTION,
  watch: WATCH,
  unwatch: WATCH,
  select: 'set `db` in the client config (or the URL path)',
  reset: 'create a new client',
  hello: 'set `protocol` in the client config',
  monitor: OWN_CONNECTION,
  sync: 'replication streams are for replicas, not clients',
  psync: 'replication streams are for replicas, not clients',
  clientReply: OWN_CONNECTION,
  subscribe: PUBSUB,
  psubscribe: PUBSUB,
  ssubscribe: PUBSUB,
  unsubscribe: PUBSUB,
  punsubscribe: PUBSUB,
  sunsubscribe: PUBSUB,
  quit: 'use client.quit(), which waits for pending replies first',
} as const satisfies Record<ConnectionStateCommand, string>;

const advice = mapBySpec(refusals);

/** The refusal for `spec`, or undefined when it is safe on a shared connection. */
export function sharedConnectionRefusal(
  spec: CommandSpec | undefined,
): SharedConnectionError | undefined {
  const text = spec === undefined ? undefined : advice.get(spec);
  return text === undefined ? undefined : new SharedConnectionError(spec!.name, text);
}
