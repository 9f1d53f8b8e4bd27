import { ReplyError, type RedisArgument, type RespValue } from '@redspec/types';

type Resolve = (value: RespValue) => void;
type Reject = (error: Error) => void;

// One shared executor instead of a new closure per command: `new Promise` calls it synchronously,
// so the module-level slots are read back before anything else can run.
let capturedResolve: Resolve | undefined;
let capturedReject: Reject | undefined;
function capture(resolve: Resolve, reject: Reject): void {
  capturedResolve = resolve;
  capturedReject = reject;
}

/**
 * What the connection waits for: the reply to one command, or the N replies to a batch (one
 * object and one Promise for the whole batch). Entries sit in the connection's FIFO in the order
 * their commands were written; each reply settles the entry at the head.
 * @internal
 */
export class PendingReply {
  readonly promise: Promise<RespValue>;
  readonly resolve: Resolve;
  readonly reject: Reject;
  /** Replies still expected. */
  remaining: number;
  /** Collected replies of a batch; undefined for a single command. */
  readonly replies: RespValue[] | undefined;
  /** `performance.now()` after which the entry times out; 0 for none. */
  deadline = 0;
  settled = false;
  /**
   * For (P|S)(UN)SUBSCRIBE: the lowercase command name, which is also the kind of the
   * confirmations that answer it (one per channel, as push frames in RESP3). Empty otherwise.
   */
  pubsubKind = '';

  constructor(
    /** The command (single) or the commands (batch), kept to name errors and to resend if unsent. */
    readonly args: readonly RedisArgument[] | readonly (readonly RedisArgument[])[],
    readonly batch: boolean,
    /** Whether the replies decode bulk strings as Buffers. */
    readonly buffers: boolean,
    readonly timeoutMs: number,
  ) {
    this.promise = new Promise<RespValue>(capture);
    this.resolve = capturedResolve!;
    this.reject = capturedReject!;
    this.remaining = batch ? args.length : 1;
    this.replies = batch ? [] : undefined;
  }

  /** The command's name (the first command's for a batch), for error messages. */
  get command(): string {
    const first = this.batch
      ? (this.args[0] as readonly RedisArgument[] | undefined)?.[0]
      : this.args[0];
    return first === undefined ? 'batch' : String(first);
  }

  /** Number of commands this entry stands for. */
  get count(): number {
    return this.batch ? this.args.length : 1;
  }

  /** Takes the next reply; true when that completed the entry. */
  take(value: RespValue): boolean {
    const replies = this.replies;
    if (replies === undefined) {
      this.settled = true;
      if (value instanceof ReplyError) {
        value.command = String(this.args[0]);
        this.reject(value);
      } else {
        this.resolve(value);
      }
      return true;
    }
    if (value instanceof ReplyError) {
      value.command = String((this.args[replies.length] as readonly RedisArgument[])[0]);
    }
    replies.push(value);
    if (--this.remaining > 0) return false;
    this.settled = true;
    this.resolve(replies);
    return true;
  }

  /** Counts one (un)subscribe confirmation; the last one resolves with `count`. */
  confirm(count: RespValue): boolean {
    if (--this.remaining > 0) return false;
    this.settled = true;
    this.resolve(count);
    return true;
  }

  fail(error: Error): void {
    if (this.settled) return;
    this.settled = true;
    this.reject(error);
  }
}
