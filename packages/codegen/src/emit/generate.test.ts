import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from './generate.js';

const fixtures = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));
const specDir = join(fixtures, 'expected/specs');
const overlayDir = join(fixtures, 'generator/overlay');
const expectedDir = join(fixtures, 'generator/expected');

describe('generate over the fixture spec', () => {
  const outDirs: string[] = [];
  afterAll(async () => Promise.all(outDirs.map((dir) => rm(dir, { recursive: true }))));

  async function generateInto(): Promise<{ dir: string; files: string[]; methods: string[] }> {
    const dir = await mkdtemp(join(tmpdir(), 'redspec-gen-'));
    outDirs.push(dir);
    const result = await generate({ specDir, overlayDir, outDir: dir });
    return { dir, files: (await readdir(dir)).sort(), methods: result.models.map((m) => m.method) };
  }

  it('writes exactly the committed expected output', async () => {
    const { dir, files } = await generateInto();
    expect(files).toEqual((await readdir(expectedDir)).sort());
    for (const name of files) {
      const actual = await readFile(join(dir, name), 'utf8');
      expect(actual, `${name} differs from test/fixtures/generator/expected`).toBe(
        await readFile(join(expectedDir, name), 'utf8'),
      );
    }
  });

  it('skips containers and sentinel-only commands, keeps subcommands', async () => {
    const { methods } = await generateInto();
    expect(methods).toContain('clientKill');
    expect(methods).toContain('clientCapa');
    expect(methods).not.toContain('client');
    expect(methods).not.toContain('sentinelMaster');
  });

  it('reports nothing to change when run again in check mode', async () => {
    const { dir } = await generateInto();
    const result = await generate({ specDir, overlayDir, outDir: dir, check: true });
    expect(result.changed).toEqual([]);
  });
});
