import {
  nameReplyError,
  normalizeReply,
  type BatchReplies,
  type CommandBatch,
  type PreparedCommand,
  type RespValue,
  type ServerInfo,
} from '@redspec/types/internal';

type Resolve = (value: unknown) => void;
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
 * What the connection waits for: the reply to one command, or the replies to a batch (one
 * object and one Promise for the whole batch; a transaction's MULTI and EXEC included). Entries
 * sit in the connection's FIFO in the order their commands were written; each reply settles the
 * entry at the head. A single command settles with its shaped value (or its named error); a
 * batch with its raw replies, errors in place.
 */
export class PendingReply {
  readonly promise: Promise<unknown>;
  readonly resolve: Resolve;
  readonly reject: Reject;
  /** Replies still expected. */
  remaining: number;
  /** Collected replies of a batch, sized for all of them; undefined for a single command. */
  readonly replies: RespValue[] | undefined;
  /** How many of `replies` arrived. */
  private received = 0;
  /** `performance.now()` after which the entry times out; 0 for none. */
  deadline = 0;
  settled = false;
  /** Whether its bytes went into a socket write (so the server may have run it). */
  written = false;
  /**
   * Whether it may block on the server (BLPOP): its reply deadline then counts from when it is
   * written, not from when it was issued.
   */
  readonly blocking: boolean;
  /** Whether a command was prepared before the server was known (see `verify`). */
  readonly unverified: boolean;
  /**
   * For (P|S)(UN)SUBSCRIBE: the lowercase command name, which is also the kind of the
   * confirmations that answer it (one per channel, as push frames in RESP3). Empty otherwise.
   */
  pubsubKind = '';

  constructor(
    /** The command (single), or undefined for a batch. */
    readonly command: PreparedCommand | undefined,
    /** The batch, or undefined for a single command. */
    readonly batch: CommandBatch | undefined,
    /** Whether the replies decode bulk strings as Buffers. */
    readonly buffers: boolean,
    readonly timeoutMs: number,
    /** Whether integer replies decode as bigints. */
    readonly bigints = false,
  ) {
    this.promise = new Promise<unknown>(capture);
    this.resolve = capturedResolve!;
    this.reject = capturedReject!;
    if (batch === undefined) {
      this.remaining = 1;
      this.replies = undefined;
      this.blocking = command!.blockingMs !== undefined;
      this.unverified = command!.verify !== undefined;
    } else {
      // One plain loop for both facts: two `.some()` scans with closures cost ~3% of a pipeline
      // of 1000's CPU time in the profile (bench/results/issue-17-notes.md).
      const commands = batch.commands;
      let blocking = false;
      let unverified = false;
      for (let i = 0; i < commands.length; i++) {
        const each = commands[i]!;
        if (each.blockingMs !== undefined) blocking = true;
        if (each.verify !== undefined) unverified = true;
      }
      this.blocking = blocking;
      this.unverified = unverified;
      this.remaining = commands.length + (batch.transaction ? 2 : 0);
      this.replies = repliesFor(this.remaining);
    }
  }

  /** The command's name (the first command's for a batch), for error messages. */
  get name(): string {
    return this.command?.name ?? this.batch?.commands[0]?.name ?? 'batch';
  }

  /** Checks its commands against `server`; throws (nothing sent) when one is unsupported. */
  verify(server: ServerInfo): void {
    if (this.command !== undefined) this.command.verify?.(server);
    else for (const command of this.batch!.commands) command.verify?.(server);
  }

  /** Number of commands this entry stands for. */
  get count(): number {
    return this.batch === undefined ? 1 : this.batch.commands.length;
  }

  /** Takes the next reply; true when that completed the entry. */
  take(value: RespValue): boolean {
    const replies = this.replies;
    if (replies === undefined) {
      this.settled = true;
      this.settleOne(value);
      return true;
    }
    // Named now, while the command is known: the batch's caller may read it raw.
    if (value instanceof Error) nameInBatch(value, this.batch!, this.received);
    replies[this.received++] = value;
    if (--this.remaining > 0) return false;
    this.settled = true;
    this.resolve(batchReplies(this.batch!, replies, undefined));
    return true;
  }

  /** Counts one (un)subscribe confirmation; the last one resolves with `count`. */
  confirm(count: RespValue): boolean {
    if (--this.remaining > 0) return false;
    this.settled = true;
    this.resolve(count);
    return true;
  }

  /**
   * Fails the entry. A batch already written keeps the replies that came: the commands without
   * one hold `error` (they may or may not have run), and nobody is told to retry what happened.
   */
  fail(error: Error): void {
    if (this.settled) return;
    this.settled = true;
    if (this.replies === undefined || !this.written) {
      this.reject(error);
      return;
    }
    const replies = this.replies;
    const expected = this.batch!.commands.length + (this.batch!.transaction ? 2 : 0);
    while (this.received < expected) replies[this.received++] = error;
    this.resolve(batchReplies(this.batch!, replies, error));
  }

  private settleOne(value: RespValue): void {
    const command = this.command!;
    if (value instanceof Error) {
      this.reject(nameReplyError(value, command));
      return;
    }
    if (command.plan === 0) {
      this.resolve(value);
      return;
    }
    // A reply the plan cannot shape fails its own command, never the socket's read loop.
    try {
      this.resolve(normalizeReply(value, command.plan, this.bigints));
    } catch (error) {
      this.reject(error as Error);
    }
  }
}

/**
 * Above this many replies `new Array(n)` would give a slow dictionary-mode array, so bigger
 * batches grow theirs as replies come.
 */
const PRESIZED_REPLIES_MAX = 16_000;

/**
 * The array a batch's replies are collected in. Sized up front: pushing a pipeline of 1000's
 * replies reallocated the array nine times, ~27 bytes of garbage per command
 * (`pnpm --filter @redspec/bench run heap`, bench/results/issue-17-notes.md).
 */
function repliesFor(count: number): RespValue[] {
  return count <= PRESIZED_REPLIES_MAX ? new Array<RespValue>(count) : [];
}

/** Names an error reply after its command: position `index` counts a transaction's MULTI. */
function nameInBatch(error: Error, batch: CommandBatch, index: number): void {
  const command = batch.commands[batch.transaction ? index - 1 : index];
  if (command !== undefined) nameReplyError(error, command);
}

/** A batch's replies as the contract gives them: a transaction's without MULTI's and EXEC's. */
function batchReplies(
  batch: CommandBatch,
  replies: RespValue[],
  interrupted: Error | undefined,
): BatchReplies {
  if (!batch.transaction) return { replies, interrupted };
  const multi = replies[0];
  const exec = multi instanceof Error ? multi : replies[replies.length - 1];
  return { replies: replies.slice(1, -1), exec, interrupted };
}
