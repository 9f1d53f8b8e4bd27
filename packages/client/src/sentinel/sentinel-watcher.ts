import type { RespValue } from '@redspec/types/internal';
import type { ServerAddress } from '../connection/server-locator.js';
import { SubscriberConnection } from '../pubsub/subscriber-connection.js';
import type { ResolvedSentinelConfig } from './sentinel-config.js';
import type { SentinelResolver } from './sentinel-resolver.js';
import { SentinelRotation } from './sentinel-locator.js';

/** Sentinel's event channels the client follows. */
const SWITCH = '+switch-master';
const REPLICA_EVENTS = ['+slave', '+convert-to-slave', '+sdown', '-sdown'];

/** What the watcher reports to its backend. */
export interface SentinelWatcherHandlers {
  /** `+switch-master` for our primary: it moved from `from` to `to`. */
  switched(from: ServerAddress, to: ServerAddress): void;
  /** A replica of our primary appeared, went down or came back. */
  replicasChanged(): void;
  /** Subscribed, first or again after `gapMs` cut off: a switch may have been missed. */
  resumed(gapMs: number): void;
  error(error: Error): void;
}

/**
 * Subscribes to `+switch-master` (and replica events) on one sentinel at a time, moving to the
 * next known sentinel when its connection drops, and subscribing again there. A first
 * subscription that fails (no sentinel reachable within `sentinelTimeout`) is tried again a
 * second later, until the client closes.
 */
export class SentinelWatcher {
  private readonly connection: SubscriberConnection;
  private retry: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly config: ResolvedSentinelConfig,
    resolver: SentinelResolver,
    private readonly handlers: SentinelWatcherHandlers,
  ) {
    const settings = { ...config.sentinel, reconnect: { maxDelayMs: 1000 } };
    this.connection = new SubscriberConnection(
      { ...settings, locator: new SentinelRotation(resolver) },
      false,
    );
    this.connection.on('push', (frame) => this.onPush(frame));
    this.connection.on('resubscribed', (gapMs) => handlers.resumed(gapMs));
    this.connection.on('error', (error) => handlers.error(error));
  }

  start(): void {
    if (this.closed) return;
    this.connection.subscribe('channel', [SWITCH, ...REPLICA_EVENTS]).then(
      // A switch announced between the first discovery and this subscription went unheard.
      () => this.handlers.resumed(0),
      (error: Error) => {
        if (this.closed) return;
        this.handlers.error(error);
        this.retry = setTimeout(() => this.start(), 1000);
        this.retry.unref();
      },
    );
  }

  close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    return this.connection.quit();
  }

  disconnect(): void {
    this.closed = true;
    clearTimeout(this.retry);
    this.connection.disconnect();
  }

  private onPush(frame: RespValue[]): void {
    if (String(frame[0]) !== 'message') return;
    const channel = String(frame[1]);
    const words = String(frame[2]).split(' ');
    if (channel === SWITCH) {
      // <name> <old ip> <old port> <new ip> <new port>
      if (words[0] !== this.config.name || words.length < 5) return;
      const from = { host: words[1]!, port: Number(words[2]) };
      this.handlers.switched(from, { host: words[3]!, port: Number(words[4]) });
    } else if (words.at(-4) === '@' && words.at(-3) === this.config.name) {
      // <type> <name> <ip> <port> @ <master name> <master ip> <master port>
      this.handlers.replicasChanged();
    }
  }
}
