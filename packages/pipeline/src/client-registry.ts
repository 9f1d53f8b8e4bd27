import { commandChannel, type ChannelOwner, type CommandChannel } from '@redspec/types/internal';
import { ClientRegistryError } from './errors.js';

/** The name `registerClient(client)` uses, and the one a root pipeline without a client uses. */
export const DEFAULT_CLIENT = 'default';

/** A pipeline's target: a channel itself, or the name its client was registered under. */
export type ChannelRef = CommandChannel | string;

// One registry per process, as redpipe has: helpers deep in a call tree open pipelines by name
// (`pipeline(parent, { client: 'cache' })`) without a client threaded through every signature.
const channels = new Map<string, CommandChannel>();

/**
 * Registers `client` (a client, a cluster, or a `withBuffers()` view of one) under `name`, so
 * `pipeline()` can reach it: roots without a parent use the default one, nested pipelines pick
 * one by name. Registering the same client again is fine; binding a taken name to another client
 * throws a `ClientRegistryError` (commands meant for one server must not silently go to another).
 *
 * @example
 * registerClient(createClient('redis://127.0.0.1:6379'));
 * registerClient(createClient('redis://cache:6379'), 'cache');
 * await using pipe = pipeline(); // on the default client
 */
export function registerClient(client: ChannelOwner, name: string = DEFAULT_CLIENT): void {
  const channel = client[commandChannel];
  const current = channels.get(name);
  if (current !== undefined && current !== channel) {
    throw new ClientRegistryError(
      `Client "${name}" is already registered; unregisterClient('${name}') first`,
      name,
    );
  }
  channels.set(name, channel);
}

/**
 * Unregisters the client `name` (the default one when omitted), or every client with `'*'`
 * (for test isolation). It closes nothing: the client stays the caller's.
 *
 * @example
 * afterEach(() => unregisterClient('*'));
 */
export function unregisterClient(name: string = DEFAULT_CLIENT): void {
  if (name === '*') channels.clear();
  else channels.delete(name);
}

/** The channel behind `ref`; throws `ClientRegistryError` for an unregistered name. */
export function resolveChannel(ref: ChannelRef): CommandChannel {
  if (typeof ref !== 'string') return ref;
  const channel = channels.get(ref);
  if (channel !== undefined) return channel;
  const hint =
    ref === DEFAULT_CLIENT
      ? 'No default client: call registerClient(client) first, or use client.pipeline()'
      : `No client named "${ref}": call registerClient(client, '${ref}') first`;
  throw new ClientRegistryError(hint, ref);
}
