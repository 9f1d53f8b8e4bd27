import type { CommandModel, SignatureModel } from './command-model.js';
import type { LoadedSpec } from './load-spec.js';
import type { ReplySchema, SpecCommand } from './spec-types.js';

/**
 * A cursor command (SCAN, HSCAN, SSCAN, ZSCAN) and the iterator method generated for it
 * (`hscanIterator`), which follows the cursor from 0 back to 0 and yields the pages' items.
 */
export interface ScanIteratorModel {
  /** The command's model: its method, options and reply overloads. */
  command: CommandModel;
  /** `scanIterator`, `hscanIterator` … */
  method: string;
  /** Where the cursor sits among the command's positional parameters. */
  cursorParam: number;
  /** The command's signatures without the cursor; their return types are still the page's. */
  signatures: SignatureModel[];
}

const isObject = (schema: ReplySchema | undefined): schema is Record<string, unknown> =>
  typeof schema === 'object' && schema !== null;

/**
 * Whether upstream's reply is a page: exactly `[cursor, items[]]`, the first a string (the
 * next cursor), the second an array. Read from the spec as imported, before the overlay, so
 * the detection rests on upstream's facts alone.
 */
function isPageReply(reply: ReplySchema | undefined): boolean {
  if (!isObject(reply) || reply.type !== 'array') return false;
  const items = reply.items;
  if (!Array.isArray(items) || items.length !== 2) return false;
  if (reply.minItems !== 2 || reply.maxItems !== 2) return false;
  const [cursor, page] = items as ReplySchema[];
  return isObject(cursor) && cursor.type === 'string' && isObject(page) && page.type === 'array';
}

/**
 * A cursor command, found from spec facts rather than a list: a top-level argument named
 * `cursor` and a `[cursor, items[]]` reply. In the imported specs that is exactly SCAN, HSCAN,
 * SSCAN and ZSCAN; a future cursor command with the same shape gets its iterator for free,
 * and one shaped otherwise (XAUTOCLAIM's `start` and three-part reply) gets none.
 */
export function isCursorCommand(command: SpecCommand): boolean {
  const hasCursor = (command.arguments ?? []).some((arg) => arg.name === 'cursor');
  return hasCursor && isPageReply(command.reply);
}

/** The iterator model of every cursor command that has a method, sorted by method name. */
export function buildScanIteratorModels(
  spec: LoadedSpec,
  models: readonly CommandModel[],
): ScanIteratorModel[] {
  const cursorCommands = new Set(spec.commands.filter(isCursorCommand).map((c) => c.name));
  return models
    .filter((model) => cursorCommands.has(model.name))
    .map((model) => {
      const params = model.signatures.at(-1)!.params;
      const cursorParam = params.findIndex((param) => param.name === 'cursor');
      if (cursorParam === -1) throw new Error(`${model.name}: the cursor is not a positional`);
      return {
        command: model,
        method: `${model.method}Iterator`,
        cursorParam,
        signatures: model.signatures.map((signature) => ({
          ...signature,
          params: signature.params.filter((_, index) => index !== cursorParam),
        })),
      };
    });
}
