import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURE_DIRS, FIXTURE_EXPECTED } from './fixture-sources.js';
import { runImport, type ImportOutput } from './import-command.js';

function capture(): ImportOutput & { lines: string[] } {
  const lines: string[] = [];
  return { lines, log: (line) => lines.push(line), error: (line) => lines.push(line) };
}

describe('runImport', () => {
  let out: string;
  beforeEach(async () => {
    out = await mkdtemp(join(tmpdir(), 'redspec-import-'));
  });
  afterEach(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('matches the committed expected output of the fixtures', async () => {
    const output = capture();
    const code = await runImport([...FIXTURE_DIRS, '--out', FIXTURE_EXPECTED, '--check'], output);
    // On failure, regenerate with the command printed in output.lines (drop --check).
    expect(output.lines.join('\n')).toContain('up to date');
    expect(code).toBe(0);
  });

  it('writes one file per command plus sources.json and prints one summary line', async () => {
    const output = capture();
    expect(await runImport([...FIXTURE_DIRS, '--out', out], output)).toBe(0);
    const files = await readdir(join(out, 'commands'));
    expect(files).toContain('client-kill.json');
    expect(files).toHaveLength(8);
    expect(output.lines).toHaveLength(1);
    expect(output.lines[0]).toMatch(/3 sources .* 8 commands, \d+ arguments/);
    const kill = await readFile(join(out, 'commands/client-kill.json'), 'utf8');
    expect(kill).toBe(await readFile(join(FIXTURE_EXPECTED, 'commands/client-kill.json'), 'utf8'));
  });

  it('removes stale command files but leaves other folders such as overlay/ alone', async () => {
    await cp(FIXTURE_EXPECTED, out, { recursive: true });
    await writeFile(join(out, 'commands/gone.json'), '{}\n');
    await cp(join(FIXTURE_EXPECTED, 'sources.json'), join(out, 'overlay/keep.json'), {
      recursive: true,
    });
    expect(await runImport([...FIXTURE_DIRS, '--out', out], capture())).toBe(0);
    const files = await readdir(join(out, 'commands'));
    expect(files).not.toContain('gone.json');
    expect(await readdir(join(out, 'overlay'))).toEqual(['keep.json']);
  });

  it('--check writes nothing and lists what would change', async () => {
    await cp(FIXTURE_EXPECTED, out, { recursive: true });
    await writeFile(join(out, 'commands/get.json'), '{}\n');
    await rm(join(out, 'commands/blpop.json'));
    await writeFile(join(out, 'commands/gone.json'), '{}\n');
    const output = capture();
    expect(await runImport([...FIXTURE_DIRS, '--out', out, '--check'], output)).toBe(1);
    const report = output.lines.join('\n');
    expect(report).toContain('added commands/blpop.json');
    expect(report).toContain('changed commands/get.json');
    expect(report).toContain('removed commands/gone.json');
    expect(report).toContain('run: redspec-codegen import');
    expect(await readFile(join(out, 'commands/get.json'), 'utf8')).toBe('{}\n');
  });

  it('rejects a call without folders or with an unknown option', async () => {
    expect(await runImport([], capture())).toBe(2);
    expect(await runImport([...FIXTURE_DIRS, '--bogus'], capture())).toBe(2);
  });

  it('reports an unreadable folder instead of throwing', async () => {
    const output = capture();
    expect(await runImport([join(out, 'missing'), '--out', out], output)).toBe(2);
    expect(output.lines[0]).toMatch(/^import failed: /);
  });
});
