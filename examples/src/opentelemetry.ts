/**
 * OpenTelemetry spans for every Redis command, pipeline and connection attempt, built from
 * Redspec's `node:diagnostics_channel` tracing channels. The client does not depend on
 * OpenTelemetry: `instrumentRedspec` below is all the glue, and works with any tracer.
 *
 * Run it: `pnpm --filter @redspec/examples exec tsx src/opentelemetry.ts` (prints the spans; uses
 * REDIS_URL when set, otherwise starts a redis-server of its own).
 */
import { tracingChannel } from 'node:diagnostics_channel';
import {
  context,
  SpanKind,
  SpanStatusCode,
  type Attributes,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  BasicTracerProvider,
  ConsoleSpanExporter,
  SimpleSpanProcessor,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import {
  createClient,
  traceChannels,
  type BatchTraceContext,
  type CommandTraceContext,
  type ConnectTraceContext,
  type ServerTraceFields,
} from '@redspec/client';
import { runExample } from './run-example.js';

/** What goes into spans besides the command's name. */
export interface InstrumentOptions {
  /**
   * Adds `db.query.text` with the command's arguments (passwords already `<redacted>` by
   * Redspec; keys and values as they are). Default false: values may be personal data.
   */
  readonly queryText?: boolean;
}

/**
 * Subscribes to `redspec:command`, `redspec:batch` and `redspec:connect` and turns each traced
 * operation into a CLIENT span (child of the span active where the command was called), with
 * the database semantic-convention attributes. Returns the function that unsubscribes.
 *
 * @example
 * const stop = instrumentRedspec(trace.getTracer('my-service'));
 */
export function instrumentRedspec(tracer: Tracer, options: InstrumentOptions = {}): () => void {
  const stops = [
    follow<CommandTraceContext>(traceChannels.command, tracer, (op) => ({
      name: op.command,
      attributes: {
        'db.operation.name': op.command,
        ...(options.queryText === true ? { 'db.query.text': op.args.map(String).join(' ') } : {}),
      },
    })),
    follow<BatchTraceContext>(traceChannels.batch, tracer, (op) => ({
      name: op.transaction ? 'MULTI' : 'PIPELINE',
      attributes: {
        'db.operation.name': op.transaction ? 'MULTI' : 'PIPELINE',
        'db.operation.batch.size': op.batchSize,
      },
    })),
    follow<ConnectTraceContext>(traceChannels.connect, tracer, (op) => ({
      name: 'redis connect',
      attributes: { 'redspec.connect.attempt': op.attempt, 'redspec.connect.tls': op.tls },
    })),
  ];
  return () => stops.forEach((stop) => stop());
}

type Traced = ServerTraceFields & { error?: unknown };

/** One channel: a span opened at `start`, closed at `asyncEnd` (or `end` when it threw). */
function follow<TContext extends Traced>(
  name: string,
  tracer: Tracer,
  describe: (op: TContext) => { name: string; attributes: Attributes },
): () => void {
  const channel = tracingChannel<unknown, TContext>(name);
  const spans = new WeakMap<TContext, Span>();
  const finish = (op: TContext): void => {
    const span = spans.get(op);
    if (span === undefined) return;
    spans.delete(op);
    if (op.error !== undefined) {
      const error = op.error instanceof Error ? op.error : new Error(String(op.error));
      span.recordException(error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
    }
    span.end();
  };
  const subscribers = {
    start(op: TContext): void {
      const { name: spanName, attributes } = describe(op);
      const span = tracer.startSpan(
        spanName,
        {
          kind: SpanKind.CLIENT,
          attributes: {
            'db.system.name': 'redis',
            'db.namespace': String(op.database),
            'server.address': op.serverAddress,
            ...(op.serverPort === undefined ? {} : { 'server.port': op.serverPort }),
            ...attributes,
          },
        },
        context.active(),
      );
      spans.set(op, span);
    },
    // A synchronous throw ends here with `error` set; a returned promise ends at asyncEnd.
    end: (op: TContext): void => void (op.error !== undefined && finish(op)),
    asyncStart: (): void => undefined,
    asyncEnd: finish,
    error: (): void => undefined,
  };
  channel.subscribe(subscribers);
  return () => channel.unsubscribe(subscribers);
}

/**
 * A request handler traced end to end: its span holds the connection attempt, three commands,
 * a pipeline and a failing command (WRONGTYPE), exported to `exporter`.
 */
export async function main(
  url: string,
  exporter: SpanExporter = new ConsoleSpanExporter(),
): Promise<void> {
  // Carries the active span across awaits, so Redis spans find their parent.
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const tracer = provider.getTracer('redspec-example');
  const stop = instrumentRedspec(tracer, { queryText: true });
  const client = createClient(url);
  try {
    await tracer.startActiveSpan('GET /users/:id', async (request) => {
      try {
        await client.set('otel:user:1', 'Ada');
        await client.get('otel:user:1');
        await client.pipeline((p) => [p.incr('otel:visits'), p.expire('otel:visits', 60)]);
        await client.hgetall('otel:user:1').catch(() => null); // WRONGTYPE: an error span
      } finally {
        request.end();
      }
    });
    await provider.forceFlush();
  } finally {
    stop();
    await client.del(['otel:user:1', 'otel:visits']);
    await client.quit();
    context.disable(); // the global context manager can be set again (tests run main twice)
  }
}

await runExample(import.meta.url, main);
