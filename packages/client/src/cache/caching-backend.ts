import {
  CommandFlag,
  commandKeyPositions,
  type BatchReplies,
  type CommandBatch,
  type LeasedChannel,
  type PreparedCommand,
  type ServerInfo,
} from '@redspec/types/internal';
import type { ClientEventEmitter } from '../backend/client-events.js';
import type { CommandBackend, ReplyMode } from '../backend/command-backend.js';
import type { PubSubBackend } from '../pubsub/pubsub-backend.js';
import { keyText, replyModeTag } from './cacheable-command.js';
import type { CacheStats, ClientSideCache } from './client-side-cache.js';

/**
 * Any backend, with a client-side cache in front of its single commands. The backend keeps
 * tracking on its connections and feeds `cache` its invalidations (tracking-connection.ts);
 * this wrapper only decides what is answered from the cache.
 *
 * Pipelines and transactions are never answered from the cache, nor do their replies fill it:
 * a batch is one round trip whose replies must all come from the same moment of the server
 * (a transaction's even atomically), which a mix of cached and fresh replies would break.
 * Every command we send that may change keys (outside the cacheable reads) drops those keys'
 * entries before it leaves, so a client reads its own writes even before the server's
 * invalidation arrives (the server sends it right after the write's reply).
 */
export class CachingBackend implements CommandBackend {
  constructor(
    private readonly backend: CommandBackend,
    readonly cache: ClientSideCache,
  ) {}

  get server(): ServerInfo | undefined {
    return this.backend.server;
  }

  get events(): ClientEventEmitter {
    return this.backend.events;
  }

  cacheStats(): CacheStats {
    return this.cache.stats();
  }

  ready(): Promise<ServerInfo> {
    return this.backend.ready();
  }

  connect(): Promise<ServerInfo> {
    return this.backend.connect();
  }

  send(command: PreparedCommand, mode: ReplyMode): Promise<unknown> {
    if (this.cache.accepts(command))
      return this.cache.read(command, replyModeTag(mode), () => this.backend.send(command, mode));
    this.forgetWritten(command);
    return this.backend.send(command, mode);
  }

  sendBatch(batch: CommandBatch, mode: ReplyMode): Promise<BatchReplies> {
    for (const command of batch.commands) this.forgetWritten(command);
    return this.backend.sendBatch(batch, mode);
  }

  async lease(mode: ReplyMode): Promise<LeasedChannel> {
    const channel = await this.backend.lease(mode);
    return {
      server: channel.server,
      sendBatch: (batch) => {
        for (const command of batch.commands) this.forgetWritten(command);
        return channel.sendBatch(batch);
      },
      release: (options) => channel.release(options),
    };
  }

  pubsub(mode: ReplyMode): PubSubBackend {
    return this.backend.pubsub(mode);
  }

  quit(): Promise<void> {
    this.cache.suspend();
    return this.backend.quit();
  }

  disconnect(): void {
    this.cache.suspend();
    this.backend.disconnect();
  }

  /**
   * Drops the cached replies of the keys a command may change: its keys as its spec finds
   * them, or everything for a write the spec gives no keys (FLUSHDB, SWAPDB). A cacheable read
   * changes nothing; a read that is not cacheable costs at most some needless misses.
   */
  private forgetWritten(command: PreparedCommand): void {
    const spec = command.spec;
    if (spec === undefined || (spec.flags & CommandFlag.READONLY) !== 0) return;
    const positions = commandKeyPositions(spec, command.args);
    if (positions.length === 0) {
      if ((spec.flags & CommandFlag.WRITE) !== 0) this.cache.flush();
      return;
    }
    for (const position of positions) this.cache.invalidateKey(keyText(command.args[position]!));
  }
}
