import * as pipelineModule from '@redspec/pipeline';
import { createClient, type Future, type Pipeline, type RedisClient } from '@redspec/client';
import type { ClientAdapter } from './client-adapter.js';
import { sumGroups } from './sum-groups.js';

/**
 * The nesting entry point a teammate is adding to `@redspec/pipeline` (redpipe's
 * `pipeline(pipe, autoexec=True)`): a child pipeline that hands its commands to `parent`.
 */
type NestedPipeline = (parent: Pipeline, options: { autoexec: boolean }) => Pipeline;

/** `pipeline(parent, { autoexec })` from `@redspec/pipeline`, when that build exports it. */
export function nestedPipelineExport(): NestedPipeline | undefined {
  const exported = (pipelineModule as Record<string, unknown>)['pipeline'];
  return typeof exported === 'function' ? (exported as NestedPipeline) : undefined;
}

/** incrSum of redpipe's docs: INCR each key on a child of `parent`; sum once it ran. */
async function incrSum(
  nested: NestedPipeline,
  parent: Pipeline,
  keys: readonly string[],
): Promise<Future<number>[]> {
  await using child = nested(parent, { autoexec: true });
  return keys.map((key) => child.incr(key));
}

async function nestedSums(
  client: RedisClient,
  nested: NestedPipeline,
  groups: readonly (readonly string[])[],
): Promise<number[]> {
  const parent = client.pipeline();
  const perGroup: Future<number>[][] = [];
  for (const group of groups) perGroup.push(await incrSum(nested, parent, group));
  await parent.execute();
  return perGroup.map((futures) => futures.reduce((sum, future) => sum + future.result, 0));
}

async function flatSums(
  client: RedisClient,
  groups: readonly (readonly string[])[],
): Promise<number[]> {
  const pipe = client.pipeline();
  const futures = groups.flatMap((group) => group.map((key) => pipe.incr(key)));
  await pipe.execute();
  return sumGroups(groups, futures.map((future) => future.result));
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
