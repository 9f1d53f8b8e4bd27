import type { CommandModel, SignatureModel } from '../model/command-model.js';
import { INTEGER_TYPE, STRING_TYPE } from '../model/reply-model.js';

/** `TString` and `TInteger` in reply types become the context's slots inside the interface. */
export function inContext(type: string): string {
  return type
    .replace(new RegExp(`\\b${STRING_TYPE}\\b`, 'g'), "Ctx['string']")
    .replace(new RegExp(`\\b${INTEGER_TYPE}\\b`, 'g'), "Ctx['integer']");
}

/** Qualifies generated option and reply type names with their module namespaces. */
export function qualify(type: string, model: CommandModel): string {
  let text = type;
  if (model.optionsName !== undefined) {
    text = text.replace(new RegExp(`\\b${model.optionsName}\\b`, 'g'), `O.${model.optionsName}`);
  }
  if (model.replyName !== undefined) {
    text = text.replace(new RegExp(`\\b${model.replyName}\\b`, 'g'), `R.${model.replyName}`);
  }
  return text;
}

/** One method signature of the `RedisCommands` interface, without the trailing semicolon. */
export function signatureText(model: CommandModel, signature: SignatureModel): string {
  const params = signature.params.map(
    (param) => `${param.name}${param.optional ? '?' : ''}: ${param.type}`,
  );
  if (signature.optionsType !== undefined) {
    const optional = signature.optionsRequired ? '' : '?';
    params.push(`options${optional}: ${qualify(signature.optionsType, model)}`);
  }
  // Commands whose reply the spec cannot know (EVAL, FCALL) let the caller name it.
  const generic = signature.returnType === 'unknown';
  const result = generic ? 'TReply' : inContext(qualify(signature.returnType, model));
  const typeParams = generic ? '<TReply = unknown>' : '';
  return `${model.method}${typeParams}(${params.join(', ')}): Result<Ctx, ${result}>`;
}
