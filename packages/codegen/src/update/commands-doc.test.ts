import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildModels, type CommandModel } from '../model/command-model.js';
import { loadSpec } from '../model/load-spec.js';
import type { SpecSource } from '../model/spec-types.js';
import { renderCommandsDoc, syncCommandsDoc } from './commands-doc.js';

const fixtures = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));

async function fixtureModels(): Promise<{ models: CommandModel[]; sources: SpecSource[] }> {
  const spec = await loadSpec(
    join(fixtures, 'expected/specs'),
    join(fixtures, 'generator/overlay'),
  );
  return { models: buildModels(spec), sources: spec.sources };
}

const rowOf = (doc: string, method: string): string[] =>
  doc
    .split('\n')
    .find((line) => line.startsWith(`| \`${method}\``))!
    .split('|')
    .slice(1, -1)
    .map((cell) => cell.trim());

describe('docs/commands.md', () => {
  it('has a row per method with since, flags and cluster routing', async () => {
    const { models, sources } = await fixtureModels();
    const doc = await renderCommandsDoc(models, sources, '/repo/docs/commands.md');
    expect(doc).toContain(`(${models.length})`);
    expect(rowOf(doc, 'get')).toEqual(['`get`', '`GET`', '1.0.0', '', 'yes', '', 'key slot']);
    expect(rowOf(doc, 'blpop')).toEqual([
      '`blpop`',
      '`BLPOP`',
      '2.0.0 (Valkey 2.2.0)',
      '',
      '',
      'yes',
      'key slot',
    ]);
    expect(rowOf(doc, 'clientCapa').slice(2, 3)).toEqual(['Valkey 8.0.0']);
    expect(rowOf(doc, 'clientKill').at(-1)).toBe('keyless (any node)');
  });

  it('is rewritten only when it differs, and checked without writing', async () => {
    const { models, sources } = await fixtureModels();
    const dir = await mkdtemp(join(tmpdir(), 'redspec-doc-'));
    try {
      const path = join(dir, 'docs/commands.md');
      expect(await syncCommandsDoc(path, models, sources, { check: true })).toBe(true);
      expect(await syncCommandsDoc(path, models, sources, { check: false })).toBe(true);
      expect(await syncCommandsDoc(path, models, sources, { check: true })).toBe(false);
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});
