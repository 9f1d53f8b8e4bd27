import type { CommandTransport } from '@redspec/types';
import { ConnectionRegistryError } from './errors.js';

/** The name `connect(client)` registers under, and the one a root without a transport uses. */
export const DEFAULT_CONNECTION = 'default';

/** A pipeline's connection: a transport itself, or the name it was registered under. */
export type ConnectionRef = CommandTransport | string;

// One registry per process, like redpipe's: helpers deep in a call tree open pipelines by name
// without a client being threaded through every signature.
const connections = new Map<string, CommandTransport>();

/**
 * Registers `client` (any `CommandTransport`) under `name`, so `pipeline()` can reach it:
 * roots without a transport use the default one, nested pipelines pick one by name.
 * Registering the same client again is fine; binding a taken name to another client throws a
 * `ConnectionRegistryError` (commands meant for one server must not silently go to another).
 *
 * @example
 * connect(createClient('redis://127.0.0.1:6379'));
 * connect(createClient('redis://cache:6379'), 'cache');
 * await using pipe = pipeline(undefined, { autoexec: true }); // on the default connection
 */
export function connect(client: CommandTransport, name: string = DEFAULT_CONNECTION): void {
  const current = connections.get(name);
  if (current !== undefined && current !== client) {
    throw new ConnectionRegistryError(
      `Connection "${name}" is already bound to another client; disconnect('${name}') first`,
      name,
    );
  }
  connections.set(name, client);
}

/**
 * Unregisters the connection `name` (the default one when omitted). It does not close the
 * client: that stays the caller's, as it was before `connect()`.
 *
 * @example
 * afterEach(() => disconnect('cache'));
 */
export function disconnect(name: string = DEFAULT_CONNECTION): void {
  connections.delete(name);
}

/**
 * Unregisters every connection, for test isolation. Closes no client.
 *
 * @example
 * afterEach(() => disconnectAll());
 */
export function disconnectAll(): void {
  connections.clear();
}

/** The transport behind `ref`; throws `ConnectionRegistryError` for an unregistered name. */
export function resolveConnection(ref: ConnectionRef): CommandTransport {
  if (typeof ref !== 'string') return ref;
  const transport = connections.get(ref);
  if (transport !== undefined) return transport;
  const hint =
    ref === DEFAULT_CONNECTION
      ? 'No default connection: call connect(client) first, or use client.pipeline()'
      : `No connection named "${ref}": call connect(client, '${ref}') first`;
  throw new ConnectionRegistryError(hint, ref);
}
