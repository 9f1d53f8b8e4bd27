import { randomUUID } from 'node:crypto';
import { redisUrl } from '@redspec/test-utils';
import type {
  CommandTransport,
  LeasedChannel,
  RedisArgument,
  RespValue,
  ServerInfo,
} from '@redspec/types';
import type { RedisConnectionOptions } from '../../src/connection/connection-options.js';
import { createConnection } from '../../src/connection/create-connection.js';
import type { RedisConnection } from '../../src/connection/redis-connection.js';

type Batch = readonly (readonly RedisArgument[])[];

/** Host and port of the live project's shared redis-server. */
export function sharedServer(): Pick<RedisConnectionOptions, 'host' | 'port'> {
  const url = new URL(redisUrl());
  return { host: url.hostname, port: Number(url.port || 6379) };
}

/** A key unique to this run, so test files running in parallel on one server never collide. */
export function uniqueKey(name: string): string {
  return `redspec:pipeline:${name}:${randomUUID()}`;
}

/**
 * A `CommandTransport` over real connections, instrumented where the client's is not (batches
 * and outstanding leases are counted, the server can be hidden): batches go to one shared connection; `lease()` hands out a pooled dedicated one, which
 * `release()` puts back for reuse, so a connection left watching would show in the next lease.
 * Every connection carries `name` as its CLIENT SETNAME, so tests can find them in CLIENT LIST.
 */
export class TestTransport implements CommandTransport {
  readonly name = `redspec-pipeline-${randomUUID().slice(0, 8)}`;
  /** Leases not yet released. */
  outstanding = 0;
  /** Batches sent through the shared connection. */
  readonly batches: Batch[] = [];
  /** Report no server (as before a handshake), so the pipeline skips its version checks. */
  hideServer = false;
  private readonly idle: RedisConnection[] = [];
  private readonly opened: RedisConnection[] = [];

  /** The connection `sendBatch` uses; set by `open()`. */
  shared!: RedisConnection;

  private constructor(private readonly options: RedisConnectionOptions) {}

  static async open(options: RedisConnectionOptions = sharedServer()): Promise<TestTransport> {
    const transport = new TestTransport(options);
    transport.shared = await transport.connect();
    return transport;
  }

  get server(): ServerInfo | undefined {
    return this.hideServer ? undefined : this.shared.server;
  }

  sendBatch(
    commands: Batch,
    timeoutMs?: number,
    options?: { returnBuffers?: boolean },
  ): Promise<RespValue[]> {
    this.batches.push(commands);
    return this.shared.sendBatch(commands, timeoutMs, options);
  }

  async lease(): Promise<LeasedChannel> {
    const connection = this.idle.pop() ?? (await this.connect());
    this.outstanding++;
    let released = false;
    return {
      server: this.server,
      sendBatch: (commands, timeoutMs?: number, options?: { returnBuffers?: boolean }) =>
        connection.sendBatch(commands, timeoutMs, options),
      release: () => {
        if (released) throw new Error('a leased connection was released twice');
        released = true;
        this.outstanding--;
        if (connection.status === 'ready') this.idle.push(connection);
        else connection.disconnect();
        return Promise.resolve();
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

  private async connect(): Promise<RedisConnection> {
    const connection = await createConnection({ ...this.options, clientName: this.name });
    this.opened.push(connection);
    return connection;
  }
}
