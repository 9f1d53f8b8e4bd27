import { tracingChannel, type TracingChannel } from 'node:diagnostics_channel';

/** One traced operation as a subscriber saw it: its context and when each event came. */
export interface TracedOperation<TContext> {
  readonly context: TContext;
  readonly events: string[];
  startedAt: number;
  endedAt: number;
}

/**
 * Subscribes to every event of a tracing channel and records each operation in order of start,
 * with `performance.now()` at `start` and at `asyncEnd`; `stop()` unsubscribes.
 */
export function recordTraces<TContext extends object>(
  name: string,
): { operations: TracedOperation<TContext>[]; stop: () => void } {
  const channel: TracingChannel<unknown, TContext> = tracingChannel(name);
  const byContext = new Map<TContext, TracedOperation<TContext>>();
  const operations: TracedOperation<TContext>[] = [];
  const seen = (event: string) => (context: TContext) => {
    let operation = byContext.get(context);
    if (operation === undefined) {
      operation = { context, events: [], startedAt: performance.now(), endedAt: 0 };
      byContext.set(context, operation);
      operations.push(operation);
    }
    operation.events.push(event);
    if (event === 'asyncEnd') operation.endedAt = performance.now();
  };
  const subscribers = {
    start: seen('start'),
    end: seen('end'),
    asyncStart: seen('asyncStart'),
    asyncEnd: seen('asyncEnd'),
    error: seen('error'),
  };
  channel.subscribe(subscribers);
  return { operations, stop: () => channel.unsubscribe(subscribers) };
}
