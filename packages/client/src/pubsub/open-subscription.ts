import type { OneOrMany } from '@redspec/types';
import { CommandArgumentError } from '@redspec/types/internal';
import type { PubSubBackend } from './pubsub-backend.js';
import type { MessageListener, SubscribeOptions, SubscriptionKind } from './pubsub-types.js';
import { SubscriptionImpl } from './subscription.js';

const METHODS: Readonly<Record<SubscriptionKind, string>> = {
  channel: 'subscribe',
  pattern: 'psubscribe',
  shard: 'ssubscribe',
};

/** The names of a (un)subscribe call, checked: strings, at least one. */
export function namesOf(method: string, names: OneOrMany<string> | undefined): string[] {
  const list = names === undefined ? [] : Array.isArray(names) ? [...names] : [names];
  list.forEach((name: unknown, i) => {
    if (typeof name !== 'string') {
      throw new CommandArgumentError(method, `names[${i}]`, `must be a string, got ${typeof name}`);
    }
  });
  return list;
}

/** Starts a subscription of `kind` on `backend`; resolves once the server confirmed. */
export async function openSubscription<TString extends string | Buffer>(
  backend: PubSubBackend,
  kind: SubscriptionKind,
  names: OneOrMany<string>,
  listenerOrOptions: MessageListener<TString> | SubscribeOptions | undefined,
  buffers: boolean,
): Promise<SubscriptionImpl<TString>> {
  const list = namesOf(METHODS[kind], names);
  if (list.length === 0) {
    throw new CommandArgumentError(METHODS[kind], 'names', 'needs at least one name');
  }
  const listener = typeof listenerOrOptions === 'function' ? listenerOrOptions : undefined;
  const options = typeof listenerOrOptions === 'object' ? listenerOrOptions : undefined;
  // One subscriber per reply mode decodes payloads as this view wants them.
  const convert = (payload: string | Buffer): TString =>
    (buffers || typeof payload === 'string' ? payload : payload.toString()) as TString;
  const subscription = new SubscriptionImpl<TString>(
    backend,
    kind,
    list,
    listener,
    options,
    convert,
  );
  await subscription.start();
  return subscription;
}

/** Ends every subscription to `names` (all of the kind when none given). */
export function closeSubscriptions(
  backend: PubSubBackend,
  kind: SubscriptionKind,
  names: OneOrMany<string> | undefined,
  method: string,
): Promise<void> {
  const list = namesOf(method, names);
  return backend.unsubscribe(kind, list.length === 0 ? backend.names(kind) : list);
}
