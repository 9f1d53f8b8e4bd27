import type { SpecArgument, SpecSource } from '../model/spec-types.js';

/** An argument's own facts, without nesting or merge data. */
export type ArgumentShape = Omit<SpecArgument, 'arguments' | 'sources'>;

/** An argument while sources are being merged into it. */
export interface MergedArgument {
  shape: ArgumentShape;
  /** Product of the source that set `shape`; decides whether a later source may replace it. */
  shapeProduct: SpecSource['product'];
  /** Ids of the sources that have this argument, in import order. */
  sources: string[];
  children: MergedArgument[];
}

/** The source being merged in, and the product of the command's first source. */
export interface MergeContext {
  sourceId: string;
  product: SpecSource['product'];
  primary: SpecSource['product'];
}

/** Splits a normalized argument into its shape and its nested arguments. */
export function shapeOf(argument: SpecArgument): ArgumentShape {
  const { arguments: _nested, sources: _sources, ...shape } = argument;
  return shape;
}
