/**
 * The part of an ioredis instance the adapter uses. Structural, so @redspec/client has no
 * dependency on ioredis: bring your own (for Sentinel, your own TLS setup, …).
 */
export interface IoredisLike {
  readonly status: string;
  call(command: string, ...args: (string | Buffer | number)[]): Promise<unknown>;
  callBuffer(command: string, ...args: (string | Buffer | number)[]): Promise<unknown>;
  pipeline(): IoredisPipelineLike;
  duplicate(): IoredisLike;
  once(event: 'ready', listener: () => void): unknown;
  once(event: 'error', listener: (error: Error) => void): unknown;
  once(event: 'end', listener: () => void): unknown;
  on(event: string, listener: (...args: never[]) => void): unknown;
  subscribe(...channels: string[]): Promise<unknown>;
  psubscribe(...patterns: string[]): Promise<unknown>;
  /** ioredis 5.3 and later. */
  ssubscribe?(...channels: string[]): Promise<unknown>;
  unsubscribe(...channels: string[]): Promise<unknown>;
  punsubscribe(...patterns: string[]): Promise<unknown>;
  sunsubscribe?(...channels: string[]): Promise<unknown>;
  quit(): Promise<unknown>;
  disconnect(): void;
}

export interface IoredisPipelineLike {
  call(command: string, ...args: (string | Buffer | number)[]): unknown;
  callBuffer(command: string, ...args: (string | Buffer | number)[]): unknown;
  exec(): Promise<[Error | null, unknown][] | null>;
}
