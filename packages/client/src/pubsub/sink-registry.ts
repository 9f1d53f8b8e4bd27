import type { RespValue } from '@redspec/types/internal';
import type { PubSubMessage, SubscriptionKind } from './pubsub-types.js';

/** Receives the messages of one subscription, and hears when it was ended from elsewhere. */
export interface Sink {
  deliver(message: PubSubMessage<string | Buffer>): void;
  /** A bulk unsubscribe (`client.unsubscribe()`) or a closed client ended it. */
  end(): void;
}

const text = (value: RespValue | undefined): string =>
  Buffer.isBuffer(value) ? value.toString() : String(value);

/**
 * Which subscriptions want which channels, patterns and shard channels, and the delivery of a
 * pushed message to them. Kept apart from the connections, so a cluster can move a shard
 * channel to another node without its listeners noticing.
 */
export class SinkRegistry {
  private readonly byKind: Record<SubscriptionKind, Map<string, Set<Sink>>> = {
    channel: new Map(),
    pattern: new Map(),
    shard: new Map(),
  };

  names(kind: SubscriptionKind): string[] {
    return [...this.byKind[kind].keys()];
  }

  /** Adds `sink`; returns the names that had no sink before (to subscribe on the server). */
  add(kind: SubscriptionKind, names: readonly string[], sink: Sink): string[] {
    const fresh: string[] = [];
    for (const name of names) {
      let sinks = this.byKind[kind].get(name);
      if (sinks === undefined) {
        this.byKind[kind].set(name, (sinks = new Set()));
        fresh.push(name);
      }
      sinks.add(sink);
    }
    return fresh;
  }

  /**
   * Removes `sink` (every sink, which then hears `end()`, when undefined); returns the names
   * left without any (to unsubscribe on the server).
   */
  remove(kind: SubscriptionKind, names: readonly string[], sink?: Sink): string[] {
    const emptied: string[] = [];
    for (const name of names) {
      const sinks = this.byKind[kind].get(name);
      if (sinks === undefined) continue;
      if (sink === undefined) {
        const ended = [...sinks];
        sinks.clear();
        for (const each of ended) each.end();
      } else {
        sinks.delete(sink);
      }
      if (sinks.size === 0) {
        this.byKind[kind].delete(name);
        emptied.push(name);
      }
    }
    return emptied;
  }

  /** Ends every subscription (the client closed). */
  endAll(): void {
    for (const byName of Object.values(this.byKind)) {
      const sinks = new Set([...byName.values()].flatMap((set) => [...set]));
      byName.clear();
      for (const sink of sinks) sink.end();
    }
  }

  /**
   * Delivers a push frame that is a message (`message`, `pmessage`, `smessage`) to the
   * subscriptions that want it; returns a listener's error, if one threw (the others still
   * got the message).
   */
  dispatch(frame: RespValue[]): Error | undefined {
    const kind = text(frame[0]);
    let sinks: Set<Sink> | undefined;
    let message: PubSubMessage<string | Buffer>;
    if (kind === 'message' || kind === 'smessage') {
      const channel = text(frame[1]);
      sinks = this.byKind[kind === 'message' ? 'channel' : 'shard'].get(channel);
      message = { channel, message: frame[2] as string | Buffer };
    } else if (kind === 'pmessage') {
      const pattern = text(frame[1]);
      sinks = this.byKind.pattern.get(pattern);
      message = { channel: text(frame[2]), message: frame[3] as string | Buffer, pattern };
    } else {
      return undefined;
    }
    let failure: Error | undefined;
    for (const sink of sinks ?? []) {
      try {
        sink.deliver(message);
      } catch (error) {
        failure ??= error as Error;
      }
    }
    return failure;
  }
}
