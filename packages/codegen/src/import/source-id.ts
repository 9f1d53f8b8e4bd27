import type { SpecSource } from '../model/spec-types.js';

/** What a source folder's name says: `redis-7.4.1`, `valkey-8.1-dev`. */
export interface SourceId {
  id: string;
  product: SpecSource['product'];
  /** `7.4.1`, `8.1-dev`. */
  version: string;
  /** The numeric part, `[8, 1]` for `8.1-dev`. */
  numbers: number[];
  /** The suffix of a development or pre-release version (`dev`), else undefined. */
  prerelease?: string;
}

const PRODUCTS: readonly SpecSource['product'][] = ['redis', 'valkey'];
const FOLDER_NAME = /^([a-z]+)-(\d+(?:\.\d+)*)(?:-([0-9a-z.]+))?$/i;

/**
 * Reads a folder name such as `redis-7.4.1` or `valkey-8.1-dev`. The version must be numeric:
 * it orders the sources, and it gates arguments upstream gives no `since` (their first source's
 * release line), so `redis-unstable` or a misspelt product would silently switch both off.
 */
export function parseSourceId(id: string): SourceId {
  const match = FOLDER_NAME.exec(id);
  const product = match?.[1]?.toLowerCase() as SpecSource['product'] | undefined;
  if (match === null || product === undefined || !PRODUCTS.includes(product)) {
    throw new Error(
      `source folder ${id}: name it <product>-<numeric version>, with product ${PRODUCTS.join(' or ')} ` +
        `(redis-8.2.0, valkey-8.1-dev); the version orders the sources and dates arguments without a since`,
    );
  }
  const [, , numeric, prerelease] = match;
  return {
    id,
    product,
    version: prerelease === undefined ? numeric! : `${numeric}-${prerelease}`,
    numbers: numeric!.split('.').map(Number),
    ...(prerelease !== undefined ? { prerelease } : {}),
  };
}

/**
 * Orders two sources of one product by version: numbers first (missing parts count as 0, so
 * `8.0` = `8.0.0`), then a pre-release before its release (`8.0-dev` < `8.0.0`). Undefined when
 * the two cannot be ordered: equal numbers with two different suffixes, or the same version.
 */
export function compareSourceVersions(a: SourceId, b: SourceId): number | undefined {
  for (let i = 0; i < Math.max(a.numbers.length, b.numbers.length); i++) {
    const difference = (a.numbers[i] ?? 0) - (b.numbers[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  if (a.prerelease === b.prerelease) return undefined;
  if (a.prerelease === undefined) return 1;
  if (b.prerelease === undefined) return -1;
  return undefined;
}

/**
 * The merge order: Redis before Valkey (the first product of a command decides its lineage),
 * each oldest first, so a newer release's facts always win over an older one's. Throws, naming
 * both, for two sources of one product that cannot be ordered.
 */
export function sortSources<T extends { id: string }>(sources: readonly T[]): T[] {
  const parsed = new Map(sources.map((source) => [source, parseSourceId(source.id)]));
  return [...sources].sort((x, y) => {
    const [a, b] = [parsed.get(x)!, parsed.get(y)!];
    if (a.product !== b.product) return PRODUCTS.indexOf(a.product) - PRODUCTS.indexOf(b.product);
    const order = compareSourceVersions(a, b);
    if (order === undefined) {
      throw new Error(
        `sources ${a.id} and ${b.id} have the same version, so neither can be the newer: keep one`,
      );
    }
    return order;
  });
}
