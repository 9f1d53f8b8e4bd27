import { basename, join, resolve } from 'node:path';
import { describeSource } from '../import/load-source.js';
import type { SpecSource } from '../model/spec-types.js';

/** The upstream folders to import, in merge order, and which of them are new. */
export interface SourcePlan {
  folders: string[];
  ids: string[];
  newIds: string[];
}

/**
 * Lays the new folders over the sources already in specs/sources.json, which stores ids but not
 * paths: those are found as `<sourcesRoot>/<id>`. Merge order matters (the first source of a
 * command decides its lineage), so a new source goes after the last one of its product, and
 * Redis sources stay ahead of Valkey ones; a folder whose id is already imported replaces it.
 */
export function planSources(
  existing: readonly Pick<SpecSource, 'id' | 'product'>[],
  sourcesRoot: string,
  from: readonly string[],
): SourcePlan {
  const plan = existing.map((source) => ({
    id: source.id,
    product: source.product,
    folder: join(sourcesRoot, source.id),
  }));
  const newIds: string[] = [];
  for (const dir of from) {
    const folder = resolve(dir);
    const { id, product } = describeSource(basename(folder));
    const known = plan.findIndex((source) => source.id === id);
    if (known !== -1) {
      plan[known]!.folder = folder;
      continue;
    }
    newIds.push(id);
    plan.splice(insertionIndex(plan, product), 0, { id, product, folder });
  }
  return { folders: plan.map((s) => s.folder), ids: plan.map((s) => s.id), newIds };
}

function insertionIndex(plan: readonly { product: string }[], product: string): number {
  const last = plan.map((source) => source.product).lastIndexOf(product);
  if (last !== -1) return last + 1;
  const firstValkey = plan.findIndex((source) => source.product === 'valkey');
  return product === 'redis' && firstValkey !== -1 ? firstValkey : plan.length;
}
