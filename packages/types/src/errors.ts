import { brandedInstance, markRedspecError } from './error-brand.js';

/**
 * The root of every error Redspec raises, so `instanceof RedspecError` catches all of them
 * (`CommandArgumentError` too, though it is a `TypeError`). Checks hold across copies of the
 * package, as when an app loads both its ESM and its CommonJS build: see error-brand.ts.
 */
export class RedspecError extends Error {
  override name = 'RedspecError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    markRedspecError(this);
  }

  static [Symbol.hasInstance](value: unknown): boolean {
    return brandedInstance(this, value);
  }
}

/**
 * An error reply from the server. `code` is its first word (`WRONGTYPE`, `NOSCRIPT`, `ERR` …);
 * `command` is set once the reply is matched to the command that caused it.
 */
export class ReplyError extends RedspecError {
  override name = 'ReplyError';
  readonly code: string;
  command?: string;
  args?: readonly unknown[];
  constructor(message: string) {
    super(message);
    const space = message.indexOf(' ');
    this.code = space === -1 ? message : message.slice(0, space);
  }
}

export class WrongTypeError extends ReplyError {
  override name = 'WrongTypeError';
}
export class NoScriptError extends ReplyError {
  override name = 'NoScriptError';
}
export class BusyError extends ReplyError {
  override name = 'BusyError';
}
export class NoPermissionError extends ReplyError {
  override name = 'NoPermissionError';
}
export class AuthenticationError extends ReplyError {
  override name = 'AuthenticationError';
}
export class ExecAbortError extends ReplyError {
  override name = 'ExecAbortError';
}
export class LoadingError extends ReplyError {
  override name = 'LoadingError';
}
export class ReadOnlyError extends ReplyError {
  override name = 'ReadOnlyError';
}
export class TryAgainError extends ReplyError {
  override name = 'TryAgainError';
}
export class ClusterDownError extends ReplyError {
  override name = 'ClusterDownError';
}
export class OutOfMemoryError extends ReplyError {
  override name = 'OutOfMemoryError';
}
export class ServerCrossSlotError extends ReplyError {
  override name = 'ServerCrossSlotError';
}

/**
 * A reply too long for a JavaScript string (about 512 MB of text): decoded client-side in place
 * of that one reply, so only its command fails and the connection stays in step. Read such a
 * value with `withBuffers()`, which returns it as a Buffer.
 */
export class ReplyTooLongError extends ReplyError {
  override name = 'ReplyTooLongError';
  constructor(readonly length: number) {
    super(
      `REPLYTOOLONG a reply of ${length} bytes is longer than a JavaScript string can be; ` +
        'read it as a Buffer (withBuffers())',
    );
  }
}

/** `MOVED <slot> <host>:<port>` and `ASK <slot> <host>:<port>`: where a slot lives now. */
export class RedirectionError extends ReplyError {
  override name = 'RedirectionError';
  readonly slot: number;
  readonly host: string;
  readonly port: number;
  constructor(message: string) {
    super(message);
    const [, slot = '', address = ''] = message.split(' ');
    const colon = address.lastIndexOf(':');
    this.slot = Number(slot);
    this.host = address.slice(0, colon);
    this.port = Number(address.slice(colon + 1));
  }
}
export class MovedError extends RedirectionError {
  override name = 'MovedError';
}
export class AskError extends RedirectionError {
  override name = 'AskError';
}

const replyErrorClasses: Record<string, new (message: string) => ReplyError> = {
  WRONGTYPE: WrongTypeError,
  NOSCRIPT: NoScriptError,
  BUSY: BusyError,
  NOPERM: NoPermissionError,
  WRONGPASS: AuthenticationError,
  NOAUTH: AuthenticationError,
  EXECABORT: ExecAbortError,
  LOADING: LoadingError,
  READONLY: ReadOnlyError,
  TRYAGAIN: TryAgainError,
  CLUSTERDOWN: ClusterDownError,
  OOM: OutOfMemoryError,
  CROSSSLOT: ServerCrossSlotError,
  MOVED: MovedError,
  ASK: AskError,
};

/** Builds the most specific `ReplyError` subclass for an error reply's text. */
export function createReplyError(message: string): ReplyError {
  const space = message.indexOf(' ');
  const code = space === -1 ? message : message.slice(0, space);
  const ErrorClass = replyErrorClasses[code] ?? ReplyError;
  return new ErrorClass(message);
}

/**
 * Bad input caught before anything is sent; `command` and `argument` say where. It is a
 * `TypeError`, which is what callers of a typed API expect for a wrong argument, and counts as
 * a `RedspecError` too (`instanceof` both).
 */
export class CommandArgumentError extends TypeError {
  override name = 'CommandArgumentError';
  constructor(
    readonly command: string,
    readonly argument: string,
    problem: string,
  ) {
    super(`${command}: argument '${argument}' ${problem}`);
    markRedspecError(this);
  }

  static [Symbol.hasInstance](value: unknown): boolean {
    return brandedInstance(this, value);
  }
}

/**
 * The command, or one of its arguments, is newer than the connected server, or belongs to
 * another server lineage (a Valkey-only command on Redis).
 */
export class UnsupportedCommandError extends RedspecError {
  override name = 'UnsupportedCommandError';
  constructor(
    readonly command: string,
    readonly since: string,
    readonly serverVersion: string,
    readonly argument?: string,
    readonly product: string = 'redis',
    /** The lineage that has it, when the server's does not. */
    readonly requiredProduct: string = product,
  ) {
    const what = argument === undefined ? command : `${command} argument '${argument}'`;
    super(
      requiredProduct === product
        ? `${what} needs ${product} ${since} or newer; the server runs ${serverVersion}`
        : `${what} exists only on ${requiredProduct} (since ${since}); the server runs ${product} ${serverVersion}`,
    );
  }
}
