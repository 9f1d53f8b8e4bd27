import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { redisUrl } from '@redspec/test-utils';
import { describe, expect, it } from 'vitest';
import { main } from './opentelemetry.js';

describe('examples/src/opentelemetry.ts', () => {
  it("one CLIENT span per connection attempt, command and pipeline, under the request's span", async () => {
    const exporter = new InMemorySpanExporter();
    await main(redisUrl(), exporter);
    const spans = exporter.getFinishedSpans();
    const request = spans.find((span) => span.name === 'GET /users/:id')!;
    const redis = spans.filter((span) => span !== request);

    expect(redis.map((span) => span.name)).toEqual([
      'redis connect',
      'SET',
      'GET',
      'PIPELINE',
      'HGETALL',
    ]);
    for (const span of redis) {
      expect(span.kind).toBe(SpanKind.CLIENT);
      expect(span.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
      expect(span.attributes).toMatchObject({
        'db.system.name': 'redis',
        'db.namespace': '0',
        'server.address': '127.0.0.1',
        'server.port': Number(new URL(redisUrl()).port),
      });
    }
    const [, set, , pipeline, failed] = redis;
    expect(set!.attributes['db.query.text']).toBe('SET otel:user:1 Ada');
    expect(pipeline!.attributes['db.operation.batch.size']).toBe(2);
    expect(failed!.status).toMatchObject({ code: SpanStatusCode.ERROR });
    expect(failed!.status.message).toMatch(/^WRONGTYPE/);
    expect(failed!.events.map((event) => event.name)).toEqual(['exception']);
  });
});
