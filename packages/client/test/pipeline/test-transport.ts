import { randomUUID } from 'node:crypto';
import { redisUrl } from '@redspec/test-utils';
import {
  commandChannel,
  prepareRawCommand,
  type BatchReplies,
  type ChannelOwner,
  type CommandBatch,
  type CommandChannel,
  type LeasedChannel,
  type ServerInfo,
} from '@redspec/types/internal';
import type { RedisConnectionOptions } from '../../src/connection/connection-options.js';
import { createRawConnection, type RawConnection } from '../helpers/raw-connection.js';

type Words = string[][];

/** Host and port of the live project's shared redis-server. */
export function sharedServer(): Pick<RedisConnectionOptions, 'host' | 'port'> {
  const url = new URL(redisUrl());
  return { host: url.hostname, port: Number(url.port || 6379) };
}

/** A key unique to this run, so test files running in parallel on one server never collide. */
export function uniqueKey(name: string): string {
  return `redspec:pipeline:${name}:${randomUUID()}`;
}

/** A batch as the server sees it: its words, MULTI/EXEC around a transaction. */
const wordsOf = (batch: CommandBatch): Words => {
  const words = batch.commands.map((command) => command.args.map(String));
  return batch.transaction ? [['MULTI'], ...words, ['EXEC']] : words;
};

/**
 * A channel over real connections, instrumented where the client's is not (batches and
 * outstanding leases are counted, the server can be hidden): batches go to one shared
 * connection; `lease()` hands out a pooled dedicated one, which `release()` puts back for
 * reuse, so a connection left watching would show in the next lease. Every connection carries
 * `name` as its CLIENT SETNAME, so tests can find them in CLIENT LIST. Pipelines open on it
 * with `openPipeline(transport)`, as `client.pipeline()` does on a client.
 */
export class TestTransport implements CommandChannel, ChannelOwner {
  readonly name = `redspec-pipeline-${randomUUID().slice(0, 8)}`;
  /** Leases not yet released. */
  outstanding = 0;
  /** Batches sent through the shared connection, as words. */
  readonly batches: Words[] = [];
  /** Report no server (as before a handshake), so the pipeline skips its version checks. */
  hideServer = false;
  /** Report this server instead of the real one, so commands it lacks pass the checks. */
  pretend: ServerInfo | undefined;
  /** Decode bulk strings as Buffers (a `withBuffers()` view). */
  buffers = false;
  private readonly idle: RawConnection[] = [];
  private readonly opened: RawConnection[] = [];

  /** The connection `sendBatch` uses; set by `open()`. */
  shared!: RawConnection;

  private constructor(private readonly options: RedisConnectionOptions) {}

  static async open(options: RedisConnectionOptions = sharedServer()): Promise<TestTransport> {
    const transport = new TestTransport(options);
    transport.shared = await transport.connect();
    return transport;
  }

  get [commandChannel](): CommandChannel {
    return this;
  }

  get server(): ServerInfo | undefined {
    return this.pretend ?? (this.hideServer ? undefined : this.shared.server);
  }

  async ready(): Promise<ServerInfo> {
    this.hideServer = false;
    return this.shared.server!;
  }

  /** The same transport, decoding bulk strings as Buffers. */
  withBuffers(): TestTransport {
    const view = Object.create(this) as TestTransport;
    view.buffers = true;
    return view;
  }

  sendBatch(batch: CommandBatch): Promise<BatchReplies> {
    this.batches.push(wordsOf(batch));
    return this.shared.sendBatch(batch, { buffers: this.buffers });
  }

  async lease(): Promise<LeasedChannel> {
    const connection = this.idle.pop() ?? (await this.connect());
    this.outstanding++;
    let released = false;
    const buffers = this.buffers;
    return {
      server: this.server,
      sendBatch: (batch) => connection.sendBatch(batch, { buffers }),
      release: async ({ unwatch }) => {
        if (released) throw new Error('a leased connection was released twice');
        released = true;
        this.outstanding--;
        if (unwatch && connection.status === 'ready') {
          await connection.send(prepareRawCommand(['UNWATCH'])).catch(() => undefined);
        }
        if (connection.status === 'ready') this.idle.push(connection);
        else connection.disconnect();
      },
    };
  }

  /** Connections this transport opened that are still connected. */
  get openConnections(): number {
    return this.opened.filter((connection) => connection.status === 'ready').length;
  }

  close(): void {
    for (const connection of this.opened) connection.disconnect();
  }

  private async connect(): Promise<RawConnection> {
    const connection = await createRawConnection({ ...this.options, clientName: this.name });
    this.opened.push(connection);
    return connection;
  }
}
