import { tracingChannel, type TracingChannel } from 'node:diagnostics_channel';
import type {
  BatchTraceContext,
  CommandTraceContext,
  ConnectTraceContext,
} from './trace-contexts.js';

/**
 * The names of Redspec's `node:diagnostics_channel` tracing channels. Subscribe with
 * `tracingChannel(name).subscribe({ start, asyncEnd, error })`; Node derives the event channels
 * `tracing:<name>:start`, `:end`, `:asyncStart`, `:asyncEnd` and `:error` from each.
 *
 * @example
 * const { tracingChannel } = await import('node:diagnostics_channel');
 * tracingChannel<unknown, CommandTraceContext>(traceChannels.command).subscribe({
 *   start: (context) => console.log('→', context.command),
 *   asyncEnd: (context) => console.log('←', context.command, context.error ?? 'ok'),
 *   end: () => {},
 *   asyncStart: () => {},
 *   error: () => {},
 * });
 */
export const traceChannels = {
  command: 'redspec:command',
  batch: 'redspec:batch',
  connect: 'redspec:connect',
} as const;

/** @internal */
export const commandTracing: TracingChannel<unknown, CommandTraceContext> = tracingChannel(
  traceChannels.command,
);
/** @internal */
export const batchTracing: TracingChannel<unknown, BatchTraceContext> = tracingChannel(
  traceChannels.batch,
);
/** @internal */
export const connectTracing: TracingChannel<unknown, ConnectTraceContext> = tracingChannel(
  traceChannels.connect,
);

/**
 * Whether anybody listens to any event of `channel`: what the hot path checks before building a
 * context. `TracingChannel.hasSubscribers` only exists from Node 20.13, so the five are asked.
 * @internal
 */
export function isTraced(channel: TracingChannel<unknown, object>): boolean {
  return (
    channel.start.hasSubscribers ||
    channel.end.hasSubscribers ||
    channel.asyncStart.hasSubscribers ||
    channel.asyncEnd.hasSubscribers ||
    channel.error.hasSubscribers
  );
}
