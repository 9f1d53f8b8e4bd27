// These errors extend plain `Error`, not `RedspecError`: the harness must not import the
// SDK it tests, or a broken SDK build would also break the tools that report on it.

/** A redis-server process did not come up; `logTail` holds the end of its log. */
export class RedisServerStartError extends Error {
  override name = 'RedisServerStartError';

  constructor(
    message: string,
    readonly port: number,
    readonly logTail: string,
    options?: ErrorOptions,
  ) {
    super(`${message}\n--- redis-server log (tail) ---\n${logTail}`, options);
  }
}

/** A cluster could not be formed or did not converge in time. */
export class RedisClusterStartError extends Error {
  override name = 'RedisClusterStartError';
}

/** Raw socket commands could not be sent or got no complete reply. */
export class RawCommandError extends Error {
  override name = 'RawCommandError';

  constructor(
    message: string,
    readonly commands: readonly (readonly string[])[],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The server answered a raw command with an error reply such as `-NOAUTH ...`. */
export class RedisReplyError extends Error {
  override name = 'RedisReplyError';

  /** The error code, the reply's first word: `ERR`, `NOAUTH`, `WRONGTYPE`, ... */
  readonly code: string;

  constructor(message: string) {
    super(message);
    this.code = message.split(' ', 1)[0] ?? '';
  }
}
