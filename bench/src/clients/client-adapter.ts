/** One command of the mixed pipelines: SET, GET or INCR. */
export type MixedCommand =
  readonly ['set', string, string] | readonly ['get', string] | readonly ['incr', string];

/** Where a subject connects: one server, or a cluster's seed nodes. */
export type Endpoint =
  | { readonly kind: 'standalone'; readonly url: string }
  | { readonly kind: 'cluster'; readonly rootNodes: readonly { host: string; port: number }[] };

/**
 * What a workload asks of a client. Each adapter implements what its client can do; a
 * workload names the operation it needs, and the worker fails clearly when it is missing.
 */
export interface ClientAdapter {
  incr?(key: string): Promise<unknown>;
  get?(key: string): Promise<unknown>;
  /** GET with the bulk reply as a Buffer (each client's binary mode). */
  getBuffer?(key: string): Promise<unknown>;
  /** SET of a (large) string or Buffer value. */
  set?(key: string, value: string | Buffer): Promise<unknown>;
  /** One explicit, non-transactional pipeline; resolves with the replies in order. */
  pipeline?(commands: readonly MixedCommand[]): Promise<readonly unknown[]>;
  /** MULTI, INCR of each key, EXEC; resolves with the INCR replies. */
  multiIncr?(keys: readonly string[]): Promise<readonly unknown[]>;
  /** INCR every key of every group in one round trip; resolves with each group's sum. */
  incrSums?(groups: readonly (readonly string[])[]): Promise<readonly number[]>;
  close(): Promise<void>;
}

/** Operations a workload can require. */
export type Operation = Exclude<keyof ClientAdapter, 'close'>;

/** The adapter's `operation`, bound, or an error naming what is missing. */
export function need<TOperation extends Operation>(
  adapter: ClientAdapter,
  operation: TOperation,
): NonNullable<ClientAdapter[TOperation]> {
  const method = adapter[operation];
  if (method === undefined) throw new Error(`this client adapter has no ${operation}()`);
  return method.bind(adapter) as NonNullable<ClientAdapter[TOperation]>;
}

/** `host` and `port` of a `redis://` URL. */
export function hostPort(url: string): { host: string; port: number } {
  const parsed = new URL(url);
  return { host: parsed.hostname, port: Number(parsed.port || 6379) };
}
