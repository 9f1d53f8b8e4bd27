import { ReplyError, type RedisArgument, type RespValue } from '@redspec/types/internal';
import type { ServerAddress } from '../connection/server-locator.js';
import { askSentinel } from './ask-sentinel.js';
import type { ResolvedSentinelConfig } from './sentinel-config.js';
import { SentinelDiscoveryError, type SentinelFailure } from './sentinel-errors.js';
import { isHealthy, parseAddress, parseListing } from './sentinel-replies.js';

/**
 * Asks the sentinels where the primary and its replicas are. Sentinels are tried in order,
 * each bounded by `sentinelTimeout`; the one that answers moves to the front, and the peers it
 * lists (`SENTINEL SENTINELS`) join the list, so sentinels added later are known too.
 */
export class SentinelResolver {
  private sentinels: ServerAddress[];

  constructor(private readonly config: ResolvedSentinelConfig) {
    this.sentinels = [...config.sentinels];
  }

  /** The primary's name, as the sentinels know it. */
  get name(): string {
    return this.config.name;
  }

  /** The sentinels known now, the last one that answered first. */
  get known(): readonly ServerAddress[] {
    return this.sentinels;
  }

  /** `SENTINEL GET-MASTER-ADDR-BY-NAME`; throws `SentinelDiscoveryError` if no sentinel knows. */
  primary(): Promise<ServerAddress> {
    return this.ask('the primary', ['GET-MASTER-ADDR-BY-NAME'], (reply) => {
      const address = parseAddress(reply);
      if (address === undefined) throw new Error(`it does not monitor '${this.config.name}'`);
      return address;
    });
  }

  /** `SENTINEL REPLICAS`: the replicas Sentinel holds healthy (not down, not disconnected). */
  replicas(): Promise<ServerAddress[]> {
    return this.ask('the replicas', ['REPLICAS'], (reply) =>
      parseListing(reply)
        .filter(isHealthy)
        .map(({ host, port }) => ({ host, port })),
    );
  }

  private async ask<TAnswer>(
    what: string,
    subcommand: readonly RedisArgument[],
    read: (reply: RespValue) => TAnswer,
  ): Promise<TAnswer> {
    const name = this.config.name;
    const commands = [
      ['SENTINEL', ...subcommand, name],
      ['SENTINEL', 'SENTINELS', name],
    ];
    const failures: SentinelFailure[] = [];
    for (const sentinel of [...this.sentinels]) {
      try {
        const [reply = null, peers = null] = await askSentinel(
          sentinel,
          this.config.sentinel,
          commands,
        );
        if (reply instanceof ReplyError) throw reply;
        const answer = read(reply);
        this.learn(sentinel, peers);
        return answer;
      } catch (error) {
        failures.push({ sentinel: `${sentinel.host}:${sentinel.port}`, error: error as Error });
      }
    }
    throw new SentinelDiscoveryError(name, failures, what);
  }

  /** Puts the sentinel that answered first and adds the peers it knows of. */
  private learn(answered: ServerAddress, peers: RespValue): void {
    const listed = peers instanceof Error ? [] : parseListing(peers).filter(isHealthy);
    const ordered = [answered, ...this.sentinels, ...listed];
    const seen = new Set<string>();
    this.sentinels = ordered.filter(({ host, port }) => {
      const key = `${host}:${port}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
}
