import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../paths.js';
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

  it('gives every entry a reason', () => {
    const missing = Object.entries(spec.overlay).filter(([, entry]) => !entry.why?.trim());
    expect(missing.map(([name]) => name)).toEqual([]);
  });

  it('names only callable commands', () => {
    expect(Object.keys(spec.overlay).filter((name) => !models.has(name))).toEqual([]);
  });

  // The types narrow a condition on an option to `key: true`, so a condition on an option that
  // takes a value (STORE, COUNT, a block) would yield an overload no call can match.
  it('selects overloads only by flags or by present positionals', () => {
    const bad = Object.entries(spec.overlay).flatMap(([name, entry]) =>
      (entry.overloads ?? []).flatMap((overload) =>
        conditionsOf(overload.when).flatMap((condition) => {
          if ('param' in condition) return [];
          const arg = optionArgument(models.get(name)!, condition.option);
          return arg?.type === 'pure-token' ? [] : [`${name} ${condition.option}`];
        }),
      ),
    );
    expect(bad).toEqual([]);
  });

  // Several conditions narrow the types as "all of them" but become separate runtime variants,
  // where any one selects the plan; until both agree, an overload takes a single condition.
  it('gives each overload a single condition', () => {
    const combined = Object.entries(spec.overlay).flatMap(([name, entry]) =>
      (entry.overloads ?? []).filter((o) => conditionsOf(o.when).length > 1).map(() => name),
    );
    expect(combined).toEqual([]);
  });

  it('keeps overloads to a handful per command', () => {
    const many = Object.entries(spec.overlay).filter(([, e]) => (e.overloads?.length ?? 0) > 4);
    expect(many.map(([name]) => name)).toEqual([]);
  });

  it('turns each overload into a signature before the general one and a runtime variant', () => {
    const zrange = models.get('ZRANGE')!;
    expect(zrange.signatures).toHaveLength(2);
    expect(zrange.signatures[0]!.optionsType).toBe('ZrangeOptions & { withscores: true }');
    expect(zrange.runtime.variants).toEqual([
      { when: 'withscores', plan: { array: { tuple: [0, 'double'] } } },
    ]);
    expect(models.get('LPOP')!.runtime.variants.map((variant) => variant.when)).toEqual(['#1']);
  });
});
