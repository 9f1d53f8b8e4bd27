import { tracingChannel } from 'node:diagnostics_channel';
import { describe, expectTypeOf, it } from 'vitest';
import type { ClientConfig } from '../client/client-config.js';
import type { ClusterConfig } from '../cluster/cluster-config.js';
import { traceChannels } from './trace-channels.js';
import type {
  BatchTraceContext,
  CommandTraceContext,
  ConnectTraceContext,
} from './trace-contexts.js';

describe('tracing channels and call sites', () => {
  it('names the channels literally, for subscribers that hard-code them', () => {
    expectTypeOf(traceChannels).toEqualTypeOf<{
      readonly command: 'redspec:command';
      readonly batch: 'redspec:batch';
      readonly connect: 'redspec:connect';
    }>();
  });

  it('types what each channel carries', () => {
    expectTypeOf<CommandTraceContext['command']>().toEqualTypeOf<string>();
    expectTypeOf<CommandTraceContext['args']>().toEqualTypeOf<
      readonly (string | Buffer | number)[]
    >();
    expectTypeOf<CommandTraceContext['serverPort']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<BatchTraceContext['batchSize']>().toEqualTypeOf<number>();
    expectTypeOf<BatchTraceContext['transaction']>().toEqualTypeOf<boolean>();
    expectTypeOf<ConnectTraceContext['attempt']>().toEqualTypeOf<number>();
    const channel = tracingChannel<unknown, CommandTraceContext>(traceChannels.command);
    channel.subscribe({
      start: (context) => expectTypeOf(context.database).toEqualTypeOf<number>(),
      end: () => undefined,
      asyncStart: () => undefined,
      asyncEnd: (context) => expectTypeOf(context.error).toEqualTypeOf<unknown>(),
      error: () => undefined,
    });
    const context = {} as CommandTraceContext;
    // @ts-expect-error what the command was is read-only for subscribers
    context.command = 'SET';
  });

  it('takes captureCallSite on clients and clusters, as a boolean', () => {
    expectTypeOf<ClientConfig>()
      .toHaveProperty('captureCallSite')
      .toEqualTypeOf<boolean | undefined>();
    expectTypeOf<ClusterConfig>()
      .toHaveProperty('captureCallSite')
      .toEqualTypeOf<boolean | undefined>();
    // @ts-expect-error not a string
    const config: ClientConfig = { captureCallSite: 'yes' };
    void config;
  });
});
