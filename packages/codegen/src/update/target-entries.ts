import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderTemplate } from '../emit/render.js';
import { parseSourceId } from '../import/source-id.js';
import { loadSpec } from '../model/load-spec.js';
import type { SpecSource } from '../model/spec-types.js';
import { renderTargetTypes } from './target-types.js';

/** One type-only entry point: `@redspec/client/targets/<name>`. */
export interface TargetEntry {
  /** `redis-7.2` (a release line), `valkey` (a product). */
  name: string;
  /** What `generate --target` calls it: a source id or a product. */
  target: string;
}

/**
 * The entries to ship: one per release line, from the newest imported source of that line (an
 * app pins a server line, not a patch release), and one per product for "any release of it".
 */
export function targetEntries(sources: readonly SpecSource[]): TargetEntry[] {
  const lines = new Map<string, string>();
  for (const source of sources) {
    const { product, numbers } = parseSourceId(source.id);
    const [major = 0, minor = 0] = numbers;
    lines.set(`${product}-${major}.${minor}`, source.id);
  }
  const products = [...new Set(sources.map((source) => source.product))];
  return [
    ...[...lines].map(([name, target]) => ({ name, target })),
    ...products.map((product) => ({ name: product, target: product })),
  ];
}

// The generated files import the shared types by relative path inside @redspec/types; in the
// client's dist they come from that package by name.
const fromTypesPackage = (text: string): string =>
  text.replace(/from '\.\.\/[\w-]+\.js'/g, "from '@redspec/types'");

/**
 * Writes one folder per entry into `outDir` (the client's `dist/targets/`): the target's
 * declarations as `.d.ts`; an `index.d.ts` that swaps the full client's and pipeline's commands
 * for the target's and types `createClient` so; an `index.d.cts` for `require` users; and
 * modules that only re-export the package's own `createClient`.
 */
export async function writeTargetEntries(specDir: string, outDir: string): Promise<TargetEntry[]> {
  const spec = await loadSpec(specDir);
  const entries = targetEntries(spec.sources);
  await rm(outDir, { recursive: true, force: true });
  for (const entry of entries) {
    const folder = join(outDir, entry.name);
    await mkdir(folder, { recursive: true });
    const types = await renderTargetTypes(spec, entry.target);
    for (const [name, text] of types.files) {
      await writeFile(join(folder, name.replace(/\.ts$/, '.d.ts')), fromTypesPackage(text));
    }
    const view = { name: entry.name, sources: types.sources.join(', ') };
    await writeFile(join(folder, 'index.d.ts'), await renderTemplate('target-index.d.ts', view));
    await writeFile(join(folder, 'index.d.cts'), "export * from './index.js';\n");
    await writeFile(join(folder, 'index.js'), "export { createClient } from '../../index.js';\n");
    await writeFile(
      join(folder, 'index.cjs'),
      "'use strict';\nexports.createClient = require('../../index.cjs').createClient;\n",
    );
  }
  return entries;
}
