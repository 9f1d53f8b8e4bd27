import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModels } from './command-model.js';
import { loadSpec, type LoadedSpec } from './load-spec.js';
import { PROSE_LICENSES } from '../import/merge-prose.js';
import { methodDoc } from '../emit/doc-lines.js';
import { repoRoot } from '../paths.js';

/** specs/docs/ as committed: prose only from sources whose license allows it, and attributed. */
describe('specs/docs', () => {
  let spec: LoadedSpec;
  beforeAll(async () => {
    spec = await loadSpec(join(repoRoot(), 'specs'));
  });

  it('takes every piece of prose from a BSD-licensed source it names', () => {
    const licenses = new Map(spec.sources.map((source) => [source.id, source.license]));
    const pieces = [...spec.docs!.values()].flatMap((docs) =>
      [docs.summary, docs.complexity, docs.replies].flatMap((piece) =>
        piece === undefined ? [] : [`${docs.name}: ${piece.source}`],
      ),
    );
    expect(pieces.length).toBeGreaterThan(700);
    const other = pieces.filter((piece) => {
      const license = licenses.get(piece.split(': ')[1]!);
      return license === undefined || !PROSE_LICENSES.has(license);
    });
    expect(other).toEqual([]);
  });

  it('is attributed in NOTICE, source by source', async () => {
    const notice = await readFile(join(repoRoot(), 'NOTICE'), 'utf8');
    const used = new Set([...spec.docs!.values()].flatMap((docs) => docs.summary?.source ?? []));
    for (const id of used) expect(notice).toContain(id);
    expect(notice).toContain('BSD 3-Clause License');
  });

  it('reaches the JSDoc: summary, complexity, reply descriptions; never for RSAL-only commands', () => {
    const models = new Map(buildModels(spec).map((model) => [model.method, model]));
    const set = methodDoc(models.get('set')!).join('\n');
    expect(set).toContain('Sets the string value of a key');
    expect(set).toContain('Time complexity: O(1).');
    expect(set).toContain('- `GET` given: The previous value of the key');
    expect(set).toMatch(/^@param options - the optional arguments/m);
    expect(set).toMatch(/^@example$/m);
    // HEXPIRE exists only in Redis 7.4 and later (RSALv2/SSPLv1): facts, but no prose.
    expect(methodDoc(models.get('hexpire')!)[0]).toBe('`HEXPIRE` (hash).');
  });
});
