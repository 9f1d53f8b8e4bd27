import { ReplyError, type RespValue } from '@redspec/types/internal';
import type {
  LocatorExchange,
  ServerAddress,
  ServerLocator,
} from '../connection/server-locator.js';
import { SentinelDiscoveryError, SentinelRoleError } from './sentinel-errors.js';
import type { SentinelResolver } from './sentinel-resolver.js';

/**
 * Where a data connection goes: the primary Sentinel names (or one of its healthy replicas,
 * with `role: 'replica'`), checked with ROLE once connected, so a connection never settles on
 * a demoted primary while the sentinels catch up. `located` tells the backend each address, so
 * it can start watching for failovers and notice a missed one.
 */
export class SentinelLocator implements ServerLocator {
  /** The address last handed out. */
  current: ServerAddress | undefined;
  private turn = 0;

  constructor(
    private readonly resolver: SentinelResolver,
    private readonly role: 'primary' | 'replica',
    private readonly located: (address: ServerAddress) => void,
  ) {}

  get description(): string {
    const at =
      this.current === undefined ? '' : `, last at ${this.current.host}:${this.current.port}`;
    return `the ${this.role} of '${this.resolver.name}' (via Sentinel${at})`;
  }

  async locate(): Promise<ServerAddress> {
    const address = this.role === 'primary' ? await this.resolver.primary() : await this.replica();
    this.current = address;
    this.located(address);
    return address;
  }

  /** ROLE must say `master` (or `slave`); a user without the right to run ROLE is trusted. */
  async verify(exchange: LocatorExchange, address: ServerAddress): Promise<void> {
    const [reply = null] = await exchange([['ROLE']]);
    if (reply instanceof ReplyError) return;
    const actual = roleOf(reply);
    const expected = this.role === 'primary' ? 'master' : 'slave';
    if (actual !== expected) {
      throw new SentinelRoleError(`${address.host}:${address.port}`, expected, actual);
    }
  }

  /** The healthy replicas in turn, so reconnects spread over them. */
  private async replica(): Promise<ServerAddress> {
    const replicas = await this.resolver.replicas();
    if (replicas.length === 0) {
      const none = new Error('it lists no healthy replica');
      throw new SentinelDiscoveryError(this.resolver.name, [{ sentinel: 'asked', error: none }]);
    }
    return replicas[this.turn++ % replicas.length]!;
  }
}

/** A locator for the failover watcher: the known sentinels in turn, one per attempt. */
export class SentinelRotation implements ServerLocator {
  readonly description = 'a sentinel';
  private turn = 0;

  constructor(private readonly resolver: SentinelResolver) {}

  locate(): Promise<ServerAddress> {
    const known = this.resolver.known;
    return Promise.resolve(known[this.turn++ % known.length]!);
  }
}

function roleOf(reply: RespValue): string {
  return Array.isArray(reply) ? String(reply[0]) : String(reply);
}
