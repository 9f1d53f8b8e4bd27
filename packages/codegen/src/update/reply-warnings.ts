import type { ImportedCommand } from '../import/imported-command.js';
import { siblingKeys } from '../model/argument-model.js';
import type { CommandModel } from '../model/command-model.js';
import type { CommandOverlay, OverloadCondition, OverloadOverlay } from '../model/overlay-types.js';
import type { ReplySchema, SpecArgument } from '../model/spec-types.js';
import type { ApiSurface, MethodApi } from './api-surface.js';

/** A new or changed reply whose alternatives depend on an argument, with the overlay to add. */
export interface ReplyWarning {
  command: string;
  method: string;
  kind: 'new' | 'changed';
  /** The arguments upstream's reply description ties alternatives to. */
  arguments: string[];
  /** A `specs/overlay/reply-overloads.json` entry: one overload per argument, one without. */
  stub: CommandOverlay;
}

const returnsOf = (api: MethodApi | undefined): string =>
  api === undefined ? '' : JSON.stringify([api.overloads.map((o) => o.returns), api.replies]);

/**
 * Commands whose reply is new or changed against the release (or hidden by a reply erratum) and
 * is a union the overlay could split by argument but does not (no overloads): LMOVE gaining `count`
 * widened `string | null` to `string | string[] | null`, a break for every caller that one
 * overlay entry makes additive.
 */
export function findReplyWarnings(
  commands: readonly ImportedCommand[],
  models: readonly CommandModel[],
  overlay: Readonly<Record<string, CommandOverlay>>,
  before: ApiSurface,
  after: ApiSurface,
): ReplyWarning[] {
  const byName = new Map(commands.map((command) => [command.name, command]));
  return models.flatMap((model) => {
    const command = byName.get(model.name);
    const entry = overlay[model.name];
    if (command?.replyDependsOn === undefined || entry?.overloads) return [];
    const was = before.get(model.method);
    // A reply erratum replaces upstream's reply whole, so it also hides upstream tying the reply
    // to an argument (LMOVE's erratum adds null; Redis 8.2 adds COUNT and an array): one plain
    // reply cannot be right for both cases, so that warns whatever the surface shows.
    const unchanged = returnsOf(was) === returnsOf(after.get(model.method));
    if (entry?.reply === undefined && was !== undefined && unchanged) return [];
    const stub = overloadStub(command, model);
    if (stub === undefined) return [];
    return [
      {
        command: model.name,
        method: model.method,
        kind: was === undefined ? ('new' as const) : ('changed' as const),
        arguments: command.replyDependsOn.map((dependency) => dependency.argument),
        stub,
      },
    ];
  });
}

function overloadStub(command: ImportedCommand, model: CommandModel): CommandOverlay | undefined {
  const reply = command.reply as { oneOf?: ReplySchema[]; anyOf?: ReplySchema[] } | undefined;
  const alternatives = reply?.oneOf ?? reply?.anyOf ?? [];
  const usable = (command.replyDependsOn ?? []).flatMap((dependency) => {
    const condition = conditionFor(dependency.argument, command, model);
    return condition === undefined ? [] : [{ dependency, condition }];
  });
  if (usable.length === 0) return undefined;
  const mentioned = new Set(
    usable.flatMap(({ dependency }) => [...dependency.given, ...dependency.notGiven]),
  );
  const always = alternatives.flatMap((_, index) => (mentioned.has(index) ? [] : [index]));
  const pick = (indexes: number[]): ReplySchema => {
    const chosen = [...new Set(indexes)].sort((a, b) => a - b).map((i) => alternatives[i]!);
    return chosen.length === 1 ? chosen[0]! : { oneOf: chosen };
  };
  const given = new Set(usable.flatMap(({ dependency }) => dependency.given));
  const overloads: OverloadOverlay[] = [
    ...usable.map(({ dependency, condition }) => ({
      when: condition,
      reply: pick([...dependency.given, ...always]),
    })),
    {
      when: absentAll(usable.map(({ condition }) => condition)),
      reply: pick(alternatives.flatMap((_, index) => (given.has(index) ? [] : [index]))),
    },
  ];
  const names = usable.map(({ dependency }) => dependency.argument).join(', ');
  return {
    why: `The reply depends on ${names} (upstream's reply description): TODO check each case.`,
    overloads,
  };
}

/** The conditions "none of these given", one per parameter or top-level option. */
function absentAll(conditions: readonly OverloadCondition[]): OverloadCondition[] {
  const absent = conditions.map((condition): OverloadCondition =>
    'param' in condition
      ? { param: condition.param, absent: true }
      : { option: condition.option.split('.')[0]!, absent: true },
  );
  return [...new Map(absent.map((c) => [JSON.stringify(c), c])).values()];
}

/**
 * The overload condition for an argument path: a positional parameter, an option, an option's
 * nested field, or a oneof option equal to one of its tokens (`condition.nx` → `NX`).
 */
function conditionFor(
  path: string,
  command: ImportedCommand,
  model: CommandModel,
): OverloadCondition | undefined {
  const [top, ...rest] = path.split('.');
  const param = model.runtime.args.find((arg) => arg.name === top && arg.param !== undefined);
  if (param !== undefined) {
    return rest.length === 0
      ? { param: model.signatures.at(-1)!.params[param.param!]!.name }
      : undefined;
  }
  const field = model.optionFields.find((option) => option.argument.name === top);
  if (field === undefined) return undefined;
  let parent: SpecArgument | undefined = (command.arguments ?? []).find((a) => a.name === top);
  const keys = [field.key];
  for (const name of rest) {
    const children: SpecArgument[] = parent?.arguments ?? [];
    const index = children.findIndex((child) => child.name === name);
    const child = children[index];
    if (child === undefined) return undefined;
    if (parent?.type === 'oneof') {
      return child.token === undefined
        ? undefined
        : { option: keys.join('.'), equals: child.token };
    }
    keys.push(siblingKeys(children)[index]!);
    parent = child;
  }
  return { option: keys.join('.') };
}

/** The warning as the update prints it: what happened, and the entry to add. */
export function renderReplyWarning(warning: ReplyWarning): string {
  const what =
    warning.kind === 'new'
      ? `new \`${warning.method}\` returns one union for every case`
      : `\`${warning.method}\`'s reply changed to a union of every case`;
  const entry = JSON.stringify({ [warning.command]: warning.stub }, null, 2);
  return (
    `warning: ${warning.command}: ${what}, but upstream ties them to ` +
    `${warning.arguments.map((name) => `\`${name}\``).join(', ')}. Add an overload per case to ` +
    `specs/overlay/reply-overloads.json (check the stub below) and run the update again:\n${entry}`
  );
}
