import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModels, isCallable, type CommandModel } from '../model/command-model.js';
import { loadSpec, type LoadedSpec } from '../model/load-spec.js';
import { repoRoot } from '../paths.js';
import { readSurface, type SurfaceMethod } from './read-surface.js';

/** The committed surface, read back with ts-morph: what users actually get. */
describe('the generated command surface', () => {
  let spec: LoadedSpec;
  let models: CommandModel[];
  let surface: Map<string, SurfaceMethod>;

  beforeAll(async () => {
    const root = repoRoot();
    spec = await loadSpec(join(root, 'specs'));
    models = buildModels(spec);
    surface = readSurface(
      await readFile(join(root, 'packages/types/src/generated/redis-commands.ts'), 'utf8'),
    );
  });

  it('has a method for every callable command of the merged spec', () => {
    const containers = new Set(spec.commands.flatMap((command) => command.container ?? []));
    const callable = spec.commands.filter((command) => isCallable(command, containers));
    expect(callable.length).toBeGreaterThan(350);
    expect(surface.size).toBe(callable.length);
    const skipped = spec.commands.filter((command) => !isCallable(command, containers));
    expect(skipped.every((c) => c.flags.includes('ONLY_SENTINEL') || containers.has(c.name))).toBe(
      true,
    );
  });

  it('never returns unknown for a command whose spec has a reply schema', () => {
    const hasSchema = (name: string): boolean => {
      const reply = spec.commands.find((c) => c.name === name)?.reply;
      return typeof reply === 'object' && Object.keys(reply).length > 0;
    };
    const unknown = models.filter(
      (model) => hasSchema(model.name) && model.signatures.some((s) => s.returnType === 'unknown'),
    );
    expect(unknown.map((model) => model.name)).toEqual([]);
  });

  it('lets the caller type replies the spec cannot know', () => {
    expect(surface.get('eval')!.signatures[0]).toMatch(
      /^eval<TReply = unknown>\(.*\): Result<Ctx, TReply>;$/,
    );
  });

  it.each([
    'incr',
    'get',
    'set',
    'del',
    'mset',
    'hgetall',
    'hset',
    'zadd',
    'zrange',
    'zscore',
    'xadd',
    'xread',
    'scan',
    'blpop',
    'eval',
    'clientKill',
    'configGet',
    'clusterSlots',
  ])('%s keeps its signature', (method) => {
    expect(surface.get(method)?.signatures).toMatchSnapshot();
  });

  it('documents every method with facts from the spec', () => {
    const set = surface.get('set')!;
    expect(set.tags).toMatchObject({
      since: '1.0.0',
      group: 'string',
      see: 'https://redis.io/docs/latest/commands/set/',
    });
    expect(surface.get('getset')!.tags.deprecated).toMatch(/^since 6\.2\.0/);
  });
});
