import type { RedisArgument, RespValue } from '@redspec/types/internal';
import type { RedisConnectionOptions } from './connection-options.js';

/** A server's TCP address. */
export interface ServerAddress {
  readonly host: string;
  readonly port: number;
}

/** Sends commands on a fresh connection, after its handshake; replies come back in place. */
export type LocatorExchange = (commands: RedisArgument[][]) => Promise<RespValue[]>;

/**
 * Where a connection finds its server, asked again before every attempt: Sentinel's answer
 * changes on a failover, so a reconnect must not go back to the address of the last one.
 * @internal
 */
export interface ServerLocator {
  /** What is sought, for errors: `the primary 'mymaster' (via Sentinel)`. */
  readonly description: string;
  /** The address to try now; a rejection fails this attempt, and the next one asks again. */
  locate(): Promise<ServerAddress>;
  /**
   * Checks the server just connected to is the one wanted (ROLE says `master`), before any
   * command is written to it; throwing fails the attempt, and the next one locates again.
   */
  verify?(exchange: LocatorExchange, address: ServerAddress): Promise<void>;
}

/**
 * Connection settings as the connection layer takes them: the user's, plus an optional
 * locator, carried through every connection a backend opens (shared, dedicated, subscriber).
 * @internal
 */
export interface ConnectionSettings extends RedisConnectionOptions {
  readonly locator?: ServerLocator;
}
