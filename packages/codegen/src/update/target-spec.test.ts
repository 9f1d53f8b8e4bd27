import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../model/load-spec.js';
import { generateTarget } from './generate-target.js';
import { specForTarget, targetSources } from './target-spec.js';

const fixtures = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));
const fixtureSpec = join(fixtures, 'expected/specs');
// The repository's specs/ is only read here; output goes to temp folders.
const repoSpecs = fileURLToPath(new URL('../../../../specs', import.meta.url));

describe('specForTarget', () => {
  it('names sources by id or by product', async () => {
    const { sources } = await loadSpec(fixtureSpec);
    expect(targetSources(sources, 'redis').map((s) => s.id)).toEqual([
      'redis-7.0.0',
      'redis-7.2.0',
    ]);
    expect(targetSources(sources, 'valkey-8.0.0').map((s) => s.id)).toEqual(['valkey-8.0.0']);
    expect(() => targetSources(sources, 'redis-9')).toThrow(/unknown target redis-9; one of/);
  });

  it('keeps only the commands and arguments the target has', async () => {
    const spec = await loadSpec(fixtureSpec);
    const old = specForTarget(spec, 'redis-7.0.0');
    const names = old.commands.map((command) => command.name);
    expect(names).not.toContain('CLIENT CAPA');
    expect(names).not.toContain('SENTINEL MASTER');
    const zrange = old.commands.find((command) => command.name === 'ZRANGE');
    expect(zrange?.arguments?.map((arg) => arg.name)).not.toContain('rev');
    expect(zrange?.sources).toEqual(['redis-7.0.0']);
    const valkey = specForTarget(spec, 'valkey');
    expect(valkey.commands.map((command) => command.name)).toContain('CLIENT CAPA');
    // Valkey's own release numbers: BLPOP came to the Valkey lineage at 2.2.0 by the fixture.
    expect(valkey.commands.find((command) => command.name === 'BLPOP')?.since).toBe('2.2.0');
  });
});

// Generating a surface takes seconds idle and past 30 s on a loaded 2-core machine: the timeout
// bounds a hang, not the speed.
describe('generateTarget', { timeout: 180_000 }, () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  async function surfaceFor(target: string): Promise<string> {
    const outDir = await mkdtemp(join(tmpdir(), `redspec-target-${target}-`));
    dirs.push(outDir);
    const result = await generateTarget({ specDir: repoSpecs, outDir, target });
    expect(result.sources.length).toBeGreaterThan(0);
    return readFile(join(outDir, 'redis-commands.ts'), 'utf8');
  }

  it('limits the surface to redis-7.2.6', async () => {
    const text = await surfaceFor('redis-7.2.6');
    expect(text).toContain('(redis-7.2.6;');
    expect(text).not.toMatch(/\bhexpire\(/);
    expect(text).not.toMatch(/\bclientCapa\(/);
    expect(text).toMatch(/\bwaitaof\(/);
  });

  it('limits the surface to the Valkey lineage', async () => {
    const text = await surfaceFor('valkey');
    expect(text).toMatch(/\bclientCapa\(/);
    expect(text).not.toMatch(/\bhexpire\(/);
  });
});
