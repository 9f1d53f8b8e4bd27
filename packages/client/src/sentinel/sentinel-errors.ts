import { ConnectionError } from '../errors.js';

/** Why one sentinel gave no usable answer. */
export interface SentinelFailure {
  /** `host:port` of the sentinel. */
  readonly sentinel: string;
  readonly error: Error;
}

/**
 * No sentinel said where to connect: each was unreachable, timed out (`sentinelTimeout`),
 * refused the credentials, or does not monitor `primaryName`. The connection keeps asking
 * with backoff; commands waiting for it fail with their `commandTimeout`, naming this error.
 */
export class SentinelDiscoveryError extends ConnectionError {
  override name = 'SentinelDiscoveryError';
  constructor(
    /** The name asked for (`name` in the config). */
    readonly primaryName: string,
    /** What each sentinel asked answered, in the order asked. */
    readonly failures: readonly SentinelFailure[],
    what = 'the primary',
  ) {
    const reasons = failures.map(({ sentinel, error }) => `${sentinel}: ${error.message}`);
    super(`No sentinel gave ${what} of '${primaryName}' (${reasons.join('; ')})`);
  }
}

/**
 * A server Sentinel pointed at does not have the role wanted (ROLE said `slave` where a primary
 * was expected, e.g. during a failover): the attempt is dropped and Sentinel asked again.
 */
export class SentinelRoleError extends ConnectionError {
  override name = 'SentinelRoleError';
  constructor(
    readonly address: string,
    readonly expected: 'master' | 'slave',
    readonly actual: string,
  ) {
    super(
      `${address} is a ${actual}, not the ${expected} Sentinel named; asking the sentinels again`,
    );
  }
}
