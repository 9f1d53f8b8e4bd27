import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../paths.js';
import { applyOverlay } from './apply-overlay.js';
import { siblingKeys } from './argument-model.js';
import { buildModels, type CommandModel } from './command-model.js';
import { loadSpec, type LoadedSpec } from './load-spec.js';
import type { OverloadCondition } from './overlay-types.js';
import type { SpecArgument } from './spec-types.js';

const conditionsOf = (when: OverloadCondition | OverloadCondition[]): OverloadCondition[] =>
  Array.isArray(when) ? when : [when];

/** The spec argument an option path (`withscores`, `options.withvalues`) names, if any. */
function optionArgument(model: CommandModel, path: string): SpecArgument | undefined {
  const [head, ...rest] = path.split('.');
  let arg = model.optionFields.find((field) => field.key === head)?.argument;
  for (const key of rest) {
    const parts = arg?.arguments ?? [];
    arg = parts[siblingKeys(parts).indexOf(key)];
  }
  return arg;
}

/** The committed overlay in `specs/overlay/`, checked against what the generator can express. */
describe('specs/overlay', () => {
  let spec: LoadedSpec;
  let models: Map<string, CommandModel>;

  beforeAll(async () => {
    spec = await loadSpec(join(repoRoot(), 'specs'));
    models = new Map(buildModels(spec).map((model) => [model.name, model]));
  });

  it('gives every correction a reason (examples are usage, not corrections)', () => {
    const corrects = (entry: object): boolean =>
      Object.keys(entry).some((field) => field !== 'why' && field !== 'examples');
    const missing = Object.entries(spec.overlay).filter(
      ([, entry]) => corrects(entry) && !entry.why?.trim(),
    );
    expect(missing.map(([name]) => name)).toEqual([]);
  });

  it('gives PUBLISH and PUBSUB introspection the cluster routing of cluster-tips.json', () => {
    const policies = (name: string) => {
      const { requestPolicy, responsePolicy } = models.get(name)!.runtime;
      return [requestPolicy, responsePolicy];
    };
    expect(policies('PUBLISH')).toEqual(['x-channel-slot', undefined]);
    expect(policies('PUBSUB NUMSUB')).toEqual(['all_nodes', 'x-sum-per-channel']);
    expect(policies('PUBSUB CHANNELS')).toEqual(['all_nodes', 'x-union']);
    expect(policies('PUBSUB NUMPAT')).toEqual(['all_nodes', 'agg_sum']);
    expect(policies('DBSIZE')).toEqual(['all_shards', 'agg_sum']); // the spec's own tips
  });

  it('lets overlay tips replace the spec’s tips of the same kind only', () => {
    const command = {
      name: 'X',
      tips: ['nondeterministic_output', 'request_policy:all_shards', 'response_policy:agg_sum'],
    };
    const patched = applyOverlay(command as never, { tips: ['request_policy:all_nodes'] });
    expect(patched.tips).toEqual([
      'nondeterministic_output',
      'response_policy:agg_sum',
      'request_policy:all_nodes',
    ]);
  });

  it('names only callable commands', () => {
    expect(Object.keys(spec.overlay).filter((name) => !models.has(name))).toEqual([]);
  });

  it('narrows a valued option to its own type and an absent one to undefined', () => {
    const sort = models.get('SORT')!;
    expect(sort.signatures.map((signature) => signature.optionsType)).toEqual([
      'SortOptions & { store: RedisKey }',
      'SortOptions & { store?: undefined }',
      'SortOptions',
    ]);
    expect(sort.signatures[1]!.optionsRequired).toBe(false);
  });

  it('makes all conditions of an overload one runtime variant', () => {
    const lcs = models.get('LCS')!.runtime.variants.at(-1)!;
    expect(lcs.when).toEqual([
      { path: 'len', absent: true },
      { path: 'idx', absent: true },
    ]);
  });

  it('conditions only on options and parameters the command has', () => {
    const unknown = Object.entries(spec.overlay).flatMap(([name, entry]) =>
      (entry.overloads ?? []).flatMap((overload) =>
        conditionsOf(overload.when).flatMap((condition) => {
          const model = models.get(name)!;
          const found =
            'param' in condition
              ? model.signatures.at(-1)!.params.some((param) => param.name === condition.param)
              : optionArgument(model, condition.option) !== undefined;
          return found ? [] : [`${name} ${JSON.stringify(condition)}`];
        }),
      ),
    );
    expect(unknown).toEqual([]);
  });

  it('keeps overloads to a handful per command', () => {
    const many = Object.entries(spec.overlay).filter(([, e]) => (e.overloads?.length ?? 0) > 5);
    expect(many.map(([name]) => name)).toEqual([]);
  });

  it('turns each overload into a signature before the general one and a runtime variant', () => {
    const zrange = models.get('ZRANGE')!;
    expect(zrange.signatures).toHaveLength(3);
    expect(zrange.signatures[0]!.optionsType).toBe('ZrangeOptions & { withscores: true }');
    expect(zrange.signatures[1]!.optionsType).toBe('ZrangeOptions & { withscores?: false }');
    expect(zrange.signatures[1]!.returnType).toBe('TString[]');
    expect(zrange.runtime.variants).toEqual([
      { when: [{ path: 'withscores' }], plan: { array: { tuple: [0, 'double'] } } },
      { when: [{ path: 'withscores', absent: true }], plan: 0 },
    ]);
    // LPOP's count changes the type, not the shape: no runtime variant is kept for it.
    expect(models.get('LPOP')!.signatures).toHaveLength(3);
    expect(models.get('LPOP')!.runtime.variants).toEqual([]);
  });
});
