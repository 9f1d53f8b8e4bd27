import * as pipelineModule from '@redspec/pipeline';
import { createClient, type Future, type Pipeline, type RedisClient } from '@redspec/client';
import type { ClientAdapter } from './client-adapter.js';
import { sumGroups } from './sum-groups.js';

/**
 * What the bench uses of a nested pipeline from `pipeline(parent, { autoexec })` (redpipe's
 * `pipeline(pipe, autoexec=True)`), declared here so the bench compiles against builds of
 * `@redspec/pipeline` from before nesting landed.
 */
interface NestedPipe extends Disposable {
  incr(key: string): Future<number>;
  onExecute<TResult>(callback: () => TResult): Future<TResult>;
}
type NestedPipeline = (parent: Pipeline, options: { autoexec: boolean }) => NestedPipe;

/** `pipeline(parent, { autoexec })` from `@redspec/pipeline`, when this build exports it. */
export function nestedPipelineExport(): NestedPipeline | undefined {
  const exported = (pipelineModule as Record<string, unknown>)['pipeline'];
  return typeof exported === 'function' ? (exported as NestedPipeline) : undefined;
}

/** incrSum from redpipe's docs: INCR each key on a child of `parent`, sum once it ran. */
function incrSum(
  nested: NestedPipeline,
  parent: Pipeline,
  keys: readonly string[],
): Future<number> {
  using pipe = nested(parent, { autoexec: true });
  const counts = keys.map((key) => pipe.incr(key));
  return pipe.onExecute(() => counts.reduce((sum, count) => sum + count.result, 0));
}

async function nestedSums(
  client: RedisClient,
  nested: NestedPipeline,
  groups: readonly (readonly string[])[],
): Promise<number[]> {
  const parent = client.pipeline();
  const sums = groups.map((group) => incrSum(nested, parent, group));
  await parent.execute();
  return sums.map((sum) => sum.result);
}

async function flatSums(
  client: RedisClient,
  groups: readonly (readonly string[])[],
): Promise<number[]> {
  const pipe = client.pipeline();
  const futures = groups.flatMap((group) => group.map((key) => pipe.incr(key)));
  await pipe.execute();
  return sumGroups(
    groups,
    futures.map((future) => future.result),
  );
}

/** Redspec computing incrSum groups through nested pipelines, or through one flat pipeline. */
export async function createRedspecSumsAdapter(
  url: string,
  style: 'nested' | 'flat',
): Promise<ClientAdapter> {
  const nested = nestedPipelineExport();
  if (style === 'nested' && nested === undefined) {
    throw new Error('@redspec/pipeline exports no pipeline(parent, { autoexec })');
  }
  const client = await createClient(url).connect();
  return {
    incrSums: (groups) =>
      nested !== undefined && style === 'nested'
        ? nestedSums(client, nested, groups)
        : flatSums(client, groups),
    close: async () => {
      await client.quit();
    },
  };
}
