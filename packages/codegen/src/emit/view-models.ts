import { isPlainPositional } from '../model/argument-model.js';
import type { CommandModel } from '../model/command-model.js';
import { propertyKey } from '../model/naming.js';
import type { EmittedCommandSpec, RuntimeKeySpec } from '../model/runtime-spec.js';
import { methodDoc, optionDoc } from './doc-lines.js';
import { Code, toLiteral } from './literal.js';
import { signatureText } from './signature-text.js';

const flagExpression = (prefix: string, flags: string[]): Code =>
  new Code(flags.length === 0 ? '0' : flags.map((flag) => `${prefix}.${flag}`).join(' | '));

function methodView(model: CommandModel): object {
  return {
    doc: methodDoc(model),
    signatures: model.signatures.map((signature) => signatureText(model, signature)),
  };
}

export function interfaceView(models: CommandModel[]): object {
  const connectionState = models.filter((model) => model.changesConnection);
  return {
    commands: models.filter((model) => !model.changesConnection).map(methodView),
    connectionStateCommands: connectionState.map(methodView),
    connectionStateNames: connectionState.map((model) => toLiteral(model.method)),
  };
}

export function optionsView(models: CommandModel[]): object {
  return {
    options: models.flatMap((model) =>
      model.optionsName === undefined
        ? []
        : [
            {
              command: model.name,
              name: model.optionsName,
              fields: model.optionFields.map((field) => ({
                key: propertyKey(field.key),
                type: field.type,
                doc: optionDoc(field),
              })),
            },
          ],
    ),
  };
}

export function repliesView(models: CommandModel[]): object {
  return {
    replies: models.flatMap((model) =>
      model.replyName === undefined
        ? []
        : [
            { command: model.name, name: model.replyName, type: model.replyTypeBody, part: false },
            ...model.replyDefinitions.map((definition) => ({
              command: model.name,
              name: definition.name,
              type: definition.body,
              part: true,
            })),
          ],
    ),
  };
}

function keySpecLiteral(spec: RuntimeKeySpec): NonNullable<EmittedCommandSpec<Code>['keys']>[0] {
  return { ...spec, flags: flagExpression('K', [...spec.flags]) };
}

/**
 * The runtime `CommandSpec` literal of one command; empty parts are left out. Typed against
 * `CommandSpec` itself, so a field the runtime adds or reshapes must be emitted here too.
 */
function runtimeLiteral(model: CommandModel): string {
  const runtime = model.runtime;
  const spec: EmittedCommandSpec<Code> = {
    name: model.name,
    words: runtime.words,
    flags: flagExpression('F', model.flags),
    since: model.since,
    products: runtime.products,
    valkeySince: model.valkeySince,
    args: runtime.args,
    params: runtime.params,
    hasOptions: runtime.hasOptions,
    plain: isPlainPositional(runtime.args) ? true : undefined,
    keys: runtime.keys.length > 0 ? runtime.keys.map(keySpecLiteral) : undefined,
    reply: runtime.reply,
    replyVariants: runtime.variants.length > 0 ? runtime.variants : undefined,
    requestPolicy: runtime.requestPolicy,
    responsePolicy: runtime.responsePolicy,
    nondeterministic: runtime.nondeterministic,
  };
  return toLiteral(spec);
}

export function tableView(models: CommandModel[]): object {
  return {
    commands: models.map((model) => ({ method: model.method, spec: runtimeLiteral(model) })),
  };
}
