import {
  CommandFlag,
  ReadOnlyError,
  type BatchReplies,
  type CommandBatch,
  type LeasedChannel,
  type PreparedCommand,
  type ServerInfo,
} from '@redspec/types/internal';
import type { ClientEventEmitter } from '../backend/client-events.js';
import type { ClientSideCache } from '../cache/client-side-cache.js';
import type { CommandBackend, ReplyMode } from '../backend/command-backend.js';
import type { ServerAddress } from '../connection/server-locator.js';
import type { PubSubBackend } from '../pubsub/pubsub-backend.js';
import { StandaloneBackend } from '../standalone/standalone-backend.js';
import type { ResolvedSentinelConfig } from './sentinel-config.js';
import { SentinelLocator } from './sentinel-locator.js';
import { SentinelResolver } from './sentinel-resolver.js';
import { SentinelWatcher } from './sentinel-watcher.js';

/**
 * A primary found through Sentinel: a standalone backend whose every connection asks the
 * sentinels where to connect (and checks ROLE once there), plus a watcher that follows
 * `+switch-master` and moves every connection to the new primary at once. A write refused with
 * READONLY (the server was demoted under us) moves them too, and is sent once more: READONLY
 * means it was not applied.
 */
export class SentinelBackend implements CommandBackend {
  readonly resolver: SentinelResolver;
  private readonly locator: SentinelLocator;
  private readonly data: StandaloneBackend;
  private readonly watcher: SentinelWatcher;
  private watching = false;
  /** Told of any change of primary or replicas, for replica reads. */
  private readonly topologyListeners = new Set<() => void>();

  constructor(
    private readonly config: ResolvedSentinelConfig,
    cache?: ClientSideCache,
  ) {
    this.resolver = new SentinelResolver(config);
    this.locator = new SentinelLocator(this.resolver, config.role, () => this.watch());
    this.data = new StandaloneBackend(
      { ...config.connection, locator: this.locator },
      config.dedicatedConnections,
      cache,
    );
    this.watcher = new SentinelWatcher(config, this.resolver, {
      switched: (from, to) => this.switched(from, to),
      replicasChanged: () => this.topologyChanged(),
      resumed: () => void this.recheck(),
      error: (error) => this.events.report(error),
    });
  }

  get events(): ClientEventEmitter {
    return this.data.events;
  }

  get server(): ServerInfo | undefined {
    return this.data.server;
  }

  ready(): Promise<ServerInfo> {
    return this.data.ready();
  }

  connect(): Promise<ServerInfo> {
    return this.data.connect();
  }

  send(command: PreparedCommand, mode: ReplyMode): Promise<unknown> {
    const sent = this.data.send(command, mode);
    // Reads are never refused with READONLY: no retry path, no extra Promise. A replica
    // client (`role: 'replica'`) refuses writes by design: nothing to rediscover.
    if (this.config.role === 'replica') return sent;
    if (command.spec !== undefined && (command.spec.flags & CommandFlag.READONLY) !== 0)
      return sent;
    return sent.catch((error: unknown) => {
      if (!(error instanceof ReadOnlyError)) throw error;
      this.demoted();
      return this.data.send(command, mode);
    });
  }

  /**
   * A transaction refused with READONLY was aborted whole (EXECABORT), so it is sent once more
   * after moving; a plain pipeline keeps its READONLY errors in place (its other commands ran).
   */
  async sendBatch(batch: CommandBatch, mode: ReplyMode): Promise<BatchReplies> {
    const result = await this.data.sendBatch(batch, mode);
    if (this.config.role === 'replica') return result;
    if (!result.replies.some((reply) => reply instanceof ReadOnlyError)) return result;
    this.demoted();
    return batch.transaction ? this.data.sendBatch(batch, mode) : result;
  }

  lease(mode: ReplyMode): Promise<LeasedChannel> {
    return this.data.lease(mode);
  }

  pubsub(mode: ReplyMode): PubSubBackend {
    return this.data.pubsub(mode);
  }

  /** `listener` runs whenever the primary moved or a replica came or went. */
  onTopologyChange(listener: () => void): void {
    this.topologyListeners.add(listener);
  }

  async quit(): Promise<void> {
    await Promise.all([this.watcher.close(), this.data.quit()]);
  }

  disconnect(): void {
    this.watcher.disconnect();
    this.data.disconnect();
  }

  /** Starts following failovers once the sentinels were first asked. */
  private watch(): void {
    if (this.watching) return;
    this.watching = true;
    this.watcher.start();
  }

  private switched(from: ServerAddress, to: ServerAddress): void {
    const moved = `Sentinel moved '${this.config.name}' from ${from.host}:${from.port} to ${to.host}:${to.port}`;
    this.data.relocate(moved);
    this.topologyChanged();
    // After moving: a command a listener sends goes to the new primary.
    this.events.emit('failover', { name: this.config.name, from, to });
  }

  private demoted(): void {
    const at = this.locator.current;
    const where = at === undefined ? 'the server' : `${at.host}:${at.port}`;
    this.data.relocate(`${where} answered READONLY: it is a replica now`);
  }

  /** After the watcher was cut off: a switch may have gone unheard, so ask. */
  private async recheck(): Promise<void> {
    this.topologyChanged();
    if (this.config.role !== 'primary' || this.locator.current === undefined) return;
    try {
      const primary = await this.resolver.primary();
      const current = this.locator.current;
      if (primary.host !== current.host || primary.port !== current.port) {
        this.switched(current, primary);
      }
    } catch (error) {
      this.events.report(error as Error);
    }
  }

  private topologyChanged(): void {
    for (const listener of this.topologyListeners) listener();
  }
}
