import { ReplyError, type RedisArgument, type RespValue } from '@redspec/types';
import type { PendingReply } from './pending-reply.js';

type Scope = 'channels' | 'patterns' | 'shardChannels';

const SCOPES: Readonly<Record<string, Scope>> = {
  subscribe: 'channels',
  unsubscribe: 'channels',
  psubscribe: 'patterns',
  punsubscribe: 'patterns',
  ssubscribe: 'shardChannels',
  sunsubscribe: 'shardChannels',
};

/**
 * Tells which commands are (P|S)(UN)SUBSCRIBE and how many confirmations each gets back. Those
 * commands get one confirmation per channel (as RESP3 push frames or RESP2 arrays) instead of one
 * reply, and `UNSUBSCRIBE` without arguments gets one per channel subscribed at that point, so
 * the tracker follows what the commands sent so far leave subscribed.
 * @internal
 */
export class SubscriptionTracker {
  private readonly subscribed: Record<Scope, Set<string>> = {
    channels: new Set(),
    patterns: new Set(),
    shardChannels: new Set(),
  };
  /** Confirmations expected by the command last passed to `classify`. */
  confirmations = 0;
  /** Whether the commands sent so far leave any subscription open. */
  active = false;

  /** The lowercase command name if `args` is a pub/sub (un)subscribe command, else ''. */
  classify(args: readonly RedisArgument[]): string {
    const name = args[0];
    // Cheap length test first: this runs for every command sent.
    if (typeof name !== 'string' || name.length < 9 || name.length > 12) return '';
    const kind = name.toLowerCase();
    const scope = SCOPES[kind];
    if (scope === undefined) return '';
    const set = this.subscribed[scope];
    const names = args.slice(1).map(String);
    if (!kind.includes('unsub')) {
      for (const channel of names) set.add(channel);
      this.confirmations = names.length;
    } else if (names.length > 0) {
      for (const channel of names) set.delete(channel);
      this.confirmations = names.length;
    } else {
      // Nothing subscribed still gets one confirmation, with a null channel.
      this.confirmations = Math.max(1, set.size);
      set.clear();
    }
    const { channels, patterns, shardChannels } = this.subscribed;
    this.active = channels.size + patterns.size + shardChannels.size > 0;
    return kind;
  }

  /** Marks a (un)subscribe entry with its kind and the number of confirmations it awaits. */
  tag(entry: PendingReply): void {
    const command = entry.command;
    // By name first: reading a plain typed call's `args` would build them (PlainCommand).
    if (command === undefined || command.name.length < 9 || command.name.length > 12) return;
    const kind = this.classify(command.args);
    if (kind === '') return;
    entry.pubsubKind = kind;
    entry.remaining = this.confirmations;
  }

  /** Whether `frame` is a confirmation answering `entry`. */
  confirms(entry: PendingReply | undefined, frame: RespValue): boolean {
    return (
      entry !== undefined &&
      entry.pubsubKind !== '' &&
      !(frame instanceof ReplyError) &&
      pubsubKind(frame) === entry.pubsubKind &&
      (entry.pubsubKind !== 'sunsubscribe' || names(entry, (frame as RespValue[])[1]))
    );
  }

  /** A SUNSUBSCRIBE the server sent on its own: that shard channel is no longer subscribed. */
  droppedByServer(frame: RespValue[]): void {
    if (pubsubKind(frame) !== 'sunsubscribe' || frame[1] == null) return;
    this.subscribed.shardChannels.delete(String(frame[1]));
    const { channels, patterns, shardChannels } = this.subscribed;
    this.active = channels.size + patterns.size + shardChannels.size > 0;
  }

  /** The server forgets subscriptions with the socket; so does the tracker. */
  clear(): void {
    for (const set of Object.values(this.subscribed)) set.clear();
    this.active = false;
  }
}

/** The kind (`subscribe`, `message` …) of a pub/sub frame, lowercase, or '' if it is none. */
export function pubsubKind(frame: RespValue): string {
  if (!Array.isArray(frame)) return '';
  const kind = frame[0];
  return typeof kind === 'string' || Buffer.isBuffer(kind) ? kind.toString().toLowerCase() : '';
}

/** Whether a RESP2 reply is a published message rather than a command's reply. */
export function isPubsubMessage(frame: RespValue): boolean {
  const kind = pubsubKind(frame);
  return kind === 'message' || kind === 'pmessage' || kind === 'smessage';
}

/**
 * Whether a RESP2 reply on a subscribed connection is a push: a published message, or a
 * SUNSUBSCRIBE, which Redis 7 also sends unasked to the shard subscribers of a slot that moved
 * away (a confirmation of the client's own SUNSUBSCRIBE is told apart by `confirms`).
 */
export function isPushed(frame: RespValue): boolean {
  return isPubsubMessage(frame) || pubsubKind(frame) === 'sunsubscribe';
}

/**
 * Whether `entry`'s command names `channel`, or names none (an argument-less unsubscribe
 * answers for every channel): a server-sent SUNSUBSCRIBE for another channel is no answer.
 */
function names(entry: PendingReply, channel: RespValue | undefined): boolean {
  const args = entry.command?.args ?? [];
  if (args.length < 2) return true;
  const wanted = String(channel);
  return args.some((arg, i) => i > 0 && String(arg) === wanted);
}
