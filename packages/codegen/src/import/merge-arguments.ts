import type { SpecArgument } from '../model/spec-types.js';
import { matchArguments } from './match-arguments.js';
import { shapeOf, type MergeContext, type MergedArgument } from './merged-argument.js';

/**
 * Merges one source's argument list into `merged`, in place. An argument the list already has
 * keeps its position; a new one goes right after the previous argument of this source (or at
 * the front), so each source's wire order survives. Nested arguments merge the same way.
 */
export function mergeArguments(
  merged: MergedArgument[],
  incoming: readonly SpecArgument[],
  context: MergeContext,
): void {
  const matches = matchArguments(merged, incoming);
  let cursor = -1;
  incoming.forEach((argument, i) => {
    const match = matches[i];
    if (match) {
      mergeInto(match, argument, context);
      cursor = merged.indexOf(match);
    } else {
      cursor += 1;
      merged.splice(cursor, 0, createMerged(argument, context));
    }
  });
}

function createMerged(argument: SpecArgument, context: MergeContext): MergedArgument {
  const created: MergedArgument = {
    shape: shapeOf(argument),
    shapeProduct: context.product,
    sources: [context.sourceId],
    children: [],
  };
  mergeArguments(created.children, argument.arguments ?? [], context);
  return created;
}

// The shape follows the command-fact rule: a later source replaces it only when it is of the
// command's first product, or of the product that set it (a Valkey-only argument of a Redis
// command can still be updated by a newer Valkey). Nested arguments are merged regardless, so
// another product's additions are still recorded with their sources.
function mergeInto(target: MergedArgument, argument: SpecArgument, context: MergeContext): void {
  if (context.product === context.primary || context.product === target.shapeProduct) {
    target.shape = shapeOf(argument);
    target.shapeProduct = context.product;
  }
  target.sources.push(context.sourceId);
  mergeArguments(target.children, argument.arguments ?? [], context);
}
