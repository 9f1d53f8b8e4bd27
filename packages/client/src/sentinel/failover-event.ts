import type { ServerAddress } from '../connection/server-locator.js';

/** What a Sentinel client's `failover` event carries: Sentinel moved the primary. */
export interface FailoverEvent {
  /** The monitored name (`name` in the config). */
  readonly name: string;
  readonly from: ServerAddress;
  readonly to: ServerAddress;
}
