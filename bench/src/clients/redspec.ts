import { createClient, type Future, type Pipeline, type RedisClient } from '@redspec/client';
import { commandChannel, type PreparedCommand } from '@redspec/types/internal';
import type { ClientAdapter, MixedCommand } from './client-adapter.js';

/** How a Redspec pipeline's values are read (or, for `raw`, bypassing the typed layer). */
export type RedspecPipelineMode = 'results' | 'future-result' | 'await-future' | 'raw';

function queue(pipe: Pipeline, command: MixedCommand): Future<unknown> {
  switch (command[0]) {
    case 'set':
      return pipe.set(command[1], command[2]);
    case 'get':
      return pipe.get(command[1]);
    case 'incr':
      return pipe.incr(command[1]);
  }
}

async function typedPipeline(
  client: RedisClient,
  commands: readonly MixedCommand[],
  mode: Exclude<RedspecPipelineMode, 'raw'>,
): Promise<readonly unknown[]> {
  const pipe = client.pipeline();
  const futures = commands.map((command) => queue(pipe, command));
  await pipe.execute();
  if (mode === 'results') return pipe.results;
  if (mode === 'future-result') return futures.map((future) => future.result);
  const values: unknown[] = [];
  for (const future of futures) values.push(await future);
  return values;
}

/** The wire form, built per call as a user of `sendBatch` would (and as cheaply as `queue`). */
/** The wire words of one mixed command. */
export function wire(command: MixedCommand): string[] {
  switch (command[0]) {
    case 'set':
      return ['SET', command[1], command[2]];
    case 'get':
      return ['GET', command[1]];
    case 'incr':
      return ['INCR', command[1]];
  }
}

/** A command as the backend contract carries it, with nothing to check or shape: the raw path. */
export const unshaped = (args: string[]): PreparedCommand => ({
  name: args[0]!,
  args,
  spec: undefined,
  plan: 0,
  blockingMs: undefined,
  verify: undefined,
});

/** The batch path under the pipeline: no futures, no argument checks, no reply shaping. */
async function rawPipeline(
  client: RedisClient,
  commands: readonly MixedCommand[],
): Promise<unknown[]> {
  const batch = {
    commands: commands.map((command) => unshaped(wire(command))),
    transaction: false,
  };
  return (await client[commandChannel].sendBatch(batch)).replies;
}

/** Redspec on one server; `mode` picks how pipelines are read. */
export async function createRedspecAdapter(
  url: string,
  mode: RedspecPipelineMode,
): Promise<ClientAdapter> {
  const client = await createClient(url).connect();
  const binary = client.withBuffers();
  return {
    incr: (key) => client.incr(key),
    get: (key) => client.get(key),
    getBuffer: (key) => binary.get(key),
    set: (key, value) => client.set(key, value),
    pipeline: (commands) =>
      mode === 'raw' ? rawPipeline(client, commands) : typedPipeline(client, commands, mode),
    multiIncr: async (keys) => {
      const pipe = client.pipeline({ transaction: true });
      for (const key of keys) pipe.incr(key);
      return pipe.execute();
    },
    close: async () => {
      await client.quit();
    },
  };
}
