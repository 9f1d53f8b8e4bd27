import type { SpecCommand } from '../model/spec-types.js';
import { renderDocFiles } from './doc-files.js';
import type { LoadedSource } from './load-source.js';
import { mergeProse } from './merge-prose.js';
import { readProse } from './read-prose.js';

/**
 * The `docs/` files for an import of `dirs` (the same folders, in the same order, as `sources`):
 * each folder's prose read again beside its facts, merged by license and lineage.
 */
export async function importDocFiles(
  dirs: readonly string[],
  commands: readonly SpecCommand[],
  sources: readonly LoadedSource[],
): Promise<Map<string, string>> {
  const prose = await Promise.all(dirs.map((dir) => readProse(dir)));
  const withProse = sources.map((source, index) => ({ info: source.info, prose: prose[index]! }));
  const infos = sources.map((source) => source.info);
  return renderDocFiles(mergeProse(commands, withProse), infos);
}
