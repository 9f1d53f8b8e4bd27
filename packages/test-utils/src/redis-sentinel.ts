import { rawCommand } from './raw-command.js';
import { startRedisServer, type RedisServerHandle } from './redis-server.js';
import { waitUntil } from './wait-until.js';

/** Options for `startSentinelGroup`. */
export interface SentinelGroupOptions {
  /** The primary's name the sentinels monitor. Default `mymaster`. */
  name?: string;
  /** Default 1. */
  replicas?: number;
  /** Default 3 (quorum 2). */
  sentinels?: number;
  /** `requirepass` of the sentinels (they also use it with each other). */
  sentinelPassword?: string;
  /** `sentinel down-after-milliseconds`. Default 1000. */
  downAfterMs?: number;
  /** `sentinel failover-timeout`. Default 5000. */
  failoverTimeoutMs?: number;
  /** How long to wait for the sentinels to see every replica and each other. Default 20 s. */
  readyTimeoutMs?: number;
}

/** A primary, its replicas and the sentinels watching them, all local processes. */
export interface SentinelGroupHandle {
  readonly name: string;
  /** Data nodes as started; after a failover, `primaryAddress()` tells which is the primary. */
  readonly primary: RedisServerHandle;
  readonly replicas: readonly RedisServerHandle[];
  readonly sentinels: readonly RedisServerHandle[];
  /** Every sentinel's address, for a client's `sentinels` list. */
  readonly sentinelAddresses: readonly { host: string; port: number }[];
  /** The primary's port according to the first sentinel that answers. */
  primaryPort(): Promise<number>;
  /** The data node serving as primary now (by a sentinel's answer). */
  currentPrimary(): Promise<RedisServerHandle>;
  /** Stops every process (SIGTERM, then SIGKILL after 5 s) and removes their dirs. */
  stop(): Promise<void>;
}

/**
 * Starts one primary, `replicas` replicas (`--replicaof`) and `sentinels` Sentinel processes
 * (`redis-server <conf> --sentinel`) on free loopback ports, and resolves once every sentinel
 * sees every replica and every other sentinel, so a failover can be asked for at once.
 *
 * @example
 * const group = await startSentinelGroup({ downAfterMs: 1000 });
 * afterAll(() => group.stop());
 */
export async function startSentinelGroup(
  options: SentinelGroupOptions = {},
): Promise<SentinelGroupHandle> {
  const { name = 'mymaster', replicas: replicaCount = 1, sentinels: sentinelCount = 3 } = options;
  const started: RedisServerHandle[] = [];
  try {
    const primary = await startRedisServer();
    started.push(primary);
    const replicas = await Promise.all(
      Array.from({ length: replicaCount }, () =>
        startRedisServer({ args: ['--replicaof', primary.host, String(primary.port)] }),
      ),
    );
    started.push(...replicas);
    const quorum = Math.floor(sentinelCount / 2) + 1;
    const config = sentinelConfig(name, primary, quorum, options);
    const sentinels = await Promise.all(
      Array.from({ length: sentinelCount }, () =>
        startRedisServer({
          configFile: config,
          args: ['--sentinel'],
          ...(options.sentinelPassword !== undefined && { password: options.sentinelPassword }),
        }),
      ),
    );
    started.push(...sentinels);
    const group = new SentinelGroup(name, primary, replicas, sentinels);
    await group.waitUntilSettled(options.readyTimeoutMs ?? 20_000);
    return group;
  } catch (error) {
    await Promise.all(started.map((server) => server.stop()));
    throw error;
  }
}

function sentinelConfig(
  name: string,
  primary: RedisServerHandle,
  quorum: number,
  options: SentinelGroupOptions,
): string {
  return [
    `sentinel monitor ${name} ${primary.host} ${primary.port} ${quorum}`,
    `sentinel down-after-milliseconds ${name} ${options.downAfterMs ?? 1000}`,
    `sentinel failover-timeout ${name} ${options.failoverTimeoutMs ?? 5000}`,
    `sentinel parallel-syncs ${name} 1`,
    '',
  ].join('\n');
}

class SentinelGroup implements SentinelGroupHandle {
  constructor(
    readonly name: string,
    readonly primary: RedisServerHandle,
    readonly replicas: readonly RedisServerHandle[],
    readonly sentinels: readonly RedisServerHandle[],
  ) {}

  get sentinelAddresses(): { host: string; port: number }[] {
    return this.sentinels.map(({ host, port }) => ({ host, port }));
  }

  async primaryPort(): Promise<number> {
    let lastError: unknown;
    for (const sentinel of this.sentinels) {
      try {
        const reply = await rawCommand(sentinel, [
          'SENTINEL',
          'GET-MASTER-ADDR-BY-NAME',
          this.name,
        ]);
        if (Array.isArray(reply)) return Number(reply[1]);
      } catch (error) {
        lastError = error;
      }
    }
    throw new Error(`no sentinel of ${this.name} answered`, { cause: lastError });
  }

  async currentPrimary(): Promise<RedisServerHandle> {
    const port = await this.primaryPort();
    const node = [this.primary, ...this.replicas].find((server) => server.port === port);
    if (node === undefined) throw new Error(`the primary is on port ${port}, not one of ours`);
    return node;
  }

  /** Every sentinel lists every replica as connected and knows the other sentinels. */
  async waitUntilSettled(timeoutMs: number): Promise<void> {
    await waitUntil(
      `the sentinels of ${this.name} to see ${this.replicas.length} replica(s) and each other`,
      async () => {
        for (const sentinel of this.sentinels) {
          const replicas = await rawCommand(sentinel, ['SENTINEL', 'REPLICAS', this.name]);
          const others = await rawCommand(sentinel, ['SENTINEL', 'SENTINELS', this.name]);
          const linked = (replicas as string[][]).filter(
            (fields) => fieldOf(fields, 'master-link-status') === 'ok',
          );
          if (linked.length < this.replicas.length)
            return `${sentinel.port} sees ${linked.length} synced replica(s)`;
          if ((others as unknown[]).length < this.sentinels.length - 1) {
            return `${sentinel.port} knows ${(others as unknown[]).length} other sentinel(s)`;
          }
        }
        return true;
      },
      { timeoutMs, intervalMs: 100 },
    );
  }

  async stop(): Promise<void> {
    await Promise.all(
      [...this.sentinels, this.primary, ...this.replicas].map((server) => server.stop()),
    );
  }
}

/** A field of a `SENTINEL REPLICAS` entry (a flat name/value list). */
function fieldOf(fields: readonly string[], name: string): string | undefined {
  const at = fields.indexOf(name);
  return at === -1 ? undefined : fields[at + 1];
}
