import type { MethodParam, OptionField } from './argument-model.js';
import type { OverloadCondition, OverloadOverlay } from './overlay-types.js';
import type { RuntimeCondition, RuntimePlan, RuntimeVariant } from './runtime-spec.js';

/** One method signature: positionals, the options object, the reply type. */
export interface SignatureModel {
  params: MethodParam[];
  /** The options parameter's type, or undefined when the method takes none. */
  optionsType?: string;
  optionsRequired: boolean;
  returnType: string;
}

export const conditions = (when: OverloadCondition | OverloadCondition[]): OverloadCondition[] =>
  Array.isArray(when) ? when : [when];

const literalText = (value: string | number | boolean): string =>
  typeof value === 'string' ? `'${value.replace(/'/g, "\\'")}'` : String(value);

/**
 * The narrowed type of an option under a condition: its value made required, or absent. A
 * dotted path narrows a nested field: `options.withscores` gives `{ withscores: true }` (present)
 * or `{ withscores?: false }` (absent) for the `options` block.
 */
function narrowOption(
  field: OptionField,
  path: string[],
  condition: { equals?: string | number | boolean; absent?: true },
): { required: boolean; type: string } {
  if (path.length > 0) {
    const last = path.at(-1)!;
    const leaf =
      condition.absent === true
        ? `{ ${last}?: false | undefined }`
        : `{ ${last}: ${condition.equals !== undefined ? literalText(condition.equals) : 'true'} }`;
    return {
      required: true,
      type: path.slice(0, -1).reduceRight((inner, key) => `{ ${key}: ${inner} }`, leaf),
    };
  }
  if (condition.absent === true) {
    return { required: false, type: field.type === 'boolean' ? 'false' : 'undefined' };
  }
  const value =
    condition.equals !== undefined
      ? literalText(condition.equals)
      : field.type === 'boolean'
        ? 'true'
        : field.type;
  return { required: true, type: value };
}

/** A signature whose options or positionals are narrowed by the overload's conditions. */
export function overloadSignature(
  base: SignatureModel,
  when: OverloadCondition[],
  options: OptionField[],
  returnType: string,
  command: string,
): SignatureModel {
  const params = base.params.map((param) => ({ ...param }));
  // Several conditions on one option (`options` present, `options.withvalues` absent) meet in
  // one property: `options: A & B`, since a type literal cannot name a property twice.
  const narrowed = new Map<string, { required: boolean; types: string[] }>();
  for (const condition of when) {
    if ('param' in condition) {
      const index = params.findIndex((param) => param.name === condition.param);
      if (index === -1) throw new Error(`overlay for ${command}: no parameter ${condition.param}`);
      const param = params[index]!;
      if (condition.absent === true) {
        param.type = 'undefined';
        param.optional = true;
        continue;
      }
      if (condition.has !== undefined)
        param.type = `Extract<${param.type}, { ${condition.has}: unknown }>`;
      for (let i = 0; i <= index; i++) params[i]!.optional = false;
    } else {
      const [head, ...path] = condition.option.split('.');
      const field = options.find((option) => option.key === head);
      if (field === undefined)
        throw new Error(`overlay for ${command}: no option ${condition.option}`);
      const { required, type } = narrowOption(field, path, condition);
      const entry = narrowed.get(field.key) ?? { required: false, types: [] };
      entry.required ||= required;
      entry.types.push(type);
      narrowed.set(field.key, entry);
    }
  }
  const properties = [...narrowed].map(
    ([key, { required, types }]) => `${key}${required ? '' : '?'}: ${types.join(' & ')}`,
  );
  const optionsType =
    properties.length > 0 ? `${base.optionsType} & { ${properties.join('; ')} }` : base.optionsType;
  return {
    params,
    ...(optionsType !== undefined ? { optionsType } : {}),
    optionsRequired: [...narrowed.values()].some((entry) => entry.required),
    returnType,
  };
}

/** The runtime test of one condition, read by `selectReplyPlan`. */
export function runtimeCondition(
  condition: OverloadCondition,
  params: MethodParam[],
): RuntimeCondition {
  const path =
    'param' in condition
      ? `#${params.findIndex((param) => param.name === condition.param)}`
      : condition.option;
  return {
    path,
    ...('equals' in condition && condition.equals !== undefined
      ? { equals: condition.equals }
      : {}),
    ...(condition.absent === true ? { absent: true as const } : {}),
    ...('has' in condition && condition.has !== undefined ? { has: condition.has } : {}),
  };
}

/**
 * Variants whose plan is the default's do no work at runtime (SET's GET changes the type, not
 * the shape), so trailing ones are dropped: the call then skips variant selection altogether.
 * Only trailing ones, since the first matching variant wins.
 */
export function withoutTrailingDefaults(
  variants: RuntimeVariant[],
  defaultPlan: RuntimePlan,
): RuntimeVariant[] {
  const same = (plan: RuntimePlan): boolean => JSON.stringify(plan) === JSON.stringify(defaultPlan);
  let end = variants.length;
  while (end > 0 && same(variants[end - 1]!.plan)) end--;
  return variants.slice(0, end);
}

/**
 * The overloads that apply to this spec: conditions marked `whereKnown` on an option the command
 * lacks are dropped when they test its absence, and take their overload with them otherwise.
 */
export function knownOverloads(
  overloads: readonly OverloadOverlay[],
  options: readonly OptionField[],
): OverloadOverlay[] {
  const known = (condition: OverloadCondition): boolean =>
    !('option' in condition) ||
    condition.whereKnown !== true ||
    options.some((option) => option.key === condition.option.split('.')[0]);
  return overloads.flatMap((overload) => {
    const when = conditions(overload.when);
    if (when.some((condition) => !known(condition) && condition.absent !== true)) return [];
    return [{ ...overload, when: when.filter(known) }];
  });
}

/** What a condition tests: `options` for `options.withscores`, a parameter's name. */
const subject = (condition: OverloadCondition): string =>
  'param' in condition ? condition.param : condition.option;

/**
 * The rule for option-dependent replies (issue 15): a family of overloads that depends on
 * optional arguments also has one overload for the call that gives none of them, so a plain
 * `zrange(k, 0, -1)` resolves to `string[]` instead of falling through to the general signature,
 * whose reply is the union of every variant. (That one stays last, for calls whose options are
 * only known at run time.) Conditions on a required positional (CLIENT KILL's filter form)
 * pick by a value every call gives, so they need no such overload.
 */
export function checkPlainOverload(
  command: string,
  overloads: readonly OverloadOverlay[],
  params: readonly MethodParam[],
): void {
  const required = new Set(params.filter((param) => !param.optional).map((param) => param.name));
  const optional = new Set(
    overloads
      .flatMap((overload) => conditions(overload.when))
      .filter((condition) => !('param' in condition && required.has(condition.param)))
      .map(subject),
  );
  if (optional.size === 0) return;
  const covers = (absent: string[], name: string): boolean =>
    absent.some((prefix) => name === prefix || name.startsWith(`${prefix}.`));
  const plain = overloads.find((overload) => {
    const when = conditions(overload.when);
    const absent = when.filter((condition) => condition.absent === true).map(subject);
    return absent.length === when.length && [...optional].every((name) => covers(absent, name));
  });
  if (plain === undefined) {
    throw new Error(
      `overlay for ${command}: its overloads depend on ${[...optional].join(', ')}, so it needs ` +
        `one overload whose conditions are all { absent: true } over them (the plain call)`,
    );
  }
}
