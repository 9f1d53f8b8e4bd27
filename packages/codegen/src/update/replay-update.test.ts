import { cp, mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSourceRecords } from '../import/source-records.js';
import { loadSpec } from '../model/load-spec.js';
import { planSources } from './source-plan.js';
import type { Surfaces } from './surfaces.js';
import { renderTargetTypes } from './target-types.js';
import { renderUpdateReport } from './update-report.js';
import {
  updateSpecs,
  workingTreeBase,
  type UpdateLayout,
  type UpdateResult,
} from './update-specs.js';

// Invented upstream folders (see their LICENSE-NOTE.md): what a release day brings, in small.
const FIXTURES = fileURLToPath(new URL('../../test/fixtures/update/', import.meta.url));

describe('an update replayed end to end on fixtures', { timeout: 60_000 }, () => {
  let dir = '';
  let layout: UpdateLayout;
  let release: Surfaces;

  /** One `redspec update --from <ids>` against the release, as the CLI runs it. */
  async function update(...ids: string[]): Promise<UpdateResult> {
    const records = await readSourceRecords(layout.specDir);
    const where = { sourcesRoot: FIXTURES, repoRoot: dir, defaultRoot: FIXTURES };
    const plan = planSources(
      records,
      ids.map((id) => resolve(FIXTURES, id)),
      where,
    );
    return updateSpecs(plan, layout, { dryRun: false, base: release });
  }
  const changesets = async (): Promise<string[]> => readdir(layout.changesetDir).catch(() => []);
  const generated = (name: string): Promise<string> =>
    readFile(join(layout.generatedDir, name), 'utf8');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'redspec-replay-'));
    layout = {
      specDir: join(dir, 'specs'),
      overlayDir: join(dir, 'specs/overlay'),
      generatedDir: join(dir, 'generated'),
      commandsDoc: join(dir, 'docs/commands.md'),
      changesetDir: join(dir, '.changeset'),
    };
    await mkdir(layout.overlayDir, { recursive: true });
    // The last release: 7.2, 7.4 and Valkey 8.0, generated and released (changeset consumed).
    await updateSpecs(
      planSources(
        [],
        ['redis-7.2.0', 'redis-7.4.0', 'valkey-8.0.0'].map((id) => join(FIXTURES, id)),
        {
          sourcesRoot: FIXTURES,
          repoRoot: dir,
          defaultRoot: FIXTURES,
        },
      ),
      layout,
      { dryRun: false, base: { full: new Map() } },
    );
    await rm(layout.changesetDir, { recursive: true });
    release = await workingTreeBase(layout);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  let first: UpdateResult;

  it('imports redis-8.0.0: warns about LMOVE with an overlay stub, keeps CLIENT LIST and BITCOUNT compatible', async () => {
    first = await update('redis-8.0.0');
    expect(first.diff.added.map((entry) => entry.method)).toEqual(['hgetex']);
    // CLIENT LIST's new trailing [user] went into the options it already had: additive.
    expect(first.optionMoves).toEqual([
      { command: 'CLIENT LIST', method: 'clientList', argument: 'user' },
    ]);
    const clientList = first.diff.changed.find((change) => change.method === 'clientList');
    expect(clientList).toMatchObject({ breaking: false });
    expect(clientList?.after).toContain('ClientListOptions.user?: RedisArgument');
    expect(await readFile(join(layout.overlayDir, 'argument-errata.json'), 'utf8')).toContain(
      '"asOption": true',
    );
    // BITCOUNT regrouped the same tokens: the old shape stays, recorded for the next import.
    expect(first.reshapes).toEqual([
      { command: 'BITCOUNT', source: 'redis-8.0.0', previous: 'redis-7.4.0' },
    ]);
    expect(first.diff.changed.map((change) => change.method)).not.toContain('bitcount');
    const sources = await readSourceRecords(layout.specDir);
    expect(sources.find((s) => s.id === 'redis-8.0.0')?.keepShapes).toEqual(['BITCOUNT']);
    // LMOVE's reply became a union of every case: breaking, with a warning and a stub.
    const lmove = first.diff.changed.find((change) => change.method === 'lmove');
    expect(lmove?.breaking).toBe(true);
    expect(first.bump).toBe('major');
    expect(first.warnings).toHaveLength(1);
    expect(first.warnings[0]).toMatchObject({
      command: 'LMOVE',
      kind: 'changed',
      arguments: ['count'],
    });
    expect(first.warnings[0]!.stub.overloads).toEqual([
      // "The source list is empty" names no argument: it can come back either way.
      {
        when: { option: 'count' },
        reply: { oneOf: [{ type: 'null' }, { type: 'array', items: { type: 'string' } }] },
      },
      {
        when: [{ option: 'count', absent: true }],
        reply: { oneOf: [{ type: 'string' }, { type: 'null' }] },
      },
    ]);
    const report = renderUpdateReport(first, { dryRun: false, where: (path) => path });
    expect(report).toContain('warning: LMOVE');
    expect(report).toContain('"LMOVE": {');
    expect(await changesets()).toEqual(['regenerate-redis-8-0-0.md']);
  });

  it('after the stub is added to the overlay, the same update is additive and replaces its changeset', async () => {
    const stub = { LMOVE: first.warnings[0]!.stub };
    await writeFile(join(layout.overlayDir, 'reply-overloads.json'), JSON.stringify(stub, null, 2));
    const second = await update('redis-8.0.0');
    expect(second.warnings).toEqual([]);
    expect(second.diff.changed.find((c) => c.method === 'lmove')?.breaking).toBe(false);
    expect(second.bump).toBe('minor');
    expect(await changesets()).toEqual(['regenerate-redis-8-0-0.md']);
    const text = await readFile(join(layout.changesetDir, 'regenerate-redis-8-0-0.md'), 'utf8');
    expect(text).toMatch(/^---\n'@redspec\/types': minor\n/);
    expect(text).toContain('+ ClientListOptions.user?: RedisArgument');
    // Nothing changed since the first run's output: only the overlay did.
    expect(second.optionMoves).toEqual([]);
  });

  it('an older release imported after a newer one is ordered by version and overrides nothing', async () => {
    const lmoveBefore = (await generated('redis-commands.ts')).match(/ {2}lmove\([^;]*;/g);
    const third = await update('redis-7.0.0');
    expect(third.sources.map((source) => source.id)).toEqual([
      'redis-7.0.0',
      'redis-7.2.0',
      'redis-7.4.0',
      'redis-8.0.0',
      'valkey-8.0.0',
    ]);
    expect(third.notes[0]).toMatch(
      /^redis-7\.0\.0 is older than redis-7\.2\.0, redis-7\.4\.0, redis-8\.0\.0/,
    );
    expect((await generated('redis-commands.ts')).match(/ {2}lmove\([^;]*;/g)).toEqual(lmoveBefore);
    expect(await generated('redis-commands.ts')).toContain(
      "get(key: RedisKey): Result<Ctx, Ctx['string'] | null>;",
    );
    // Still the one changeset since the release, now naming both sources, still minor.
    expect(third.bump).toBe('minor');
    expect(await changesets()).toEqual(['regenerate-redis-8-0-0-redis-7-0-0.md']);
    expect(third.replaced).toEqual(['regenerate-redis-8-0-0.md']);
  });

  it("keeps Valkey's own reply change in the diff and its target, and Redis's widening out of it", async () => {
    const fourth = await update('valkey-8.1.0');
    expect(fourth.diff.changed.map((c) => c.method)).not.toContain('moduleList');
    expect(fourth.valkeyDiff.changed.map((c) => c.method)).toEqual(['moduleList']);
    expect(fourth.valkeyDiff.changed[0]!.after.join('\n')).toContain('path?: TString');
    const spec = await loadSpec(layout.specDir, layout.overlayDir);
    const valkey = (await renderTargetTypes(spec, 'valkey')).files;
    expect(valkey.get('command-replies.ts')).toContain('path?: TString');
    // LMOVE's COUNT and its array reply are Redis 8's: Valkey's surface keeps its own.
    const lmove = valkey.get('redis-commands.ts')!.match(/ {2}lmove\([^;]*;/g);
    expect(lmove).toHaveLength(1);
    expect(lmove![0]).toContain("Result<Ctx, Ctx['string'] | null>");
  });

  it('refuses a copy of an imported source, a folder without provenance and a non-numeric version', async () => {
    const copies = await mkdtemp(join(tmpdir(), 'redspec-replay-copies-'));
    try {
      await cp(join(FIXTURES, 'redis-7.4.0'), join(copies, 'redis-7.4.1'), { recursive: true });
      const note = await readFile(join(FIXTURES, 'LICENSE-NOTE.md'), 'utf8');
      await writeFile(
        join(copies, 'LICENSE-NOTE.md'),
        note.replace('redis-7.4.0/', 'redis-7.4.1/'),
      );
      await expect(update(join(copies, 'redis-7.4.1'))).rejects.toThrow(
        /redis-7\.4\.1 states exactly the commands of redis-7\.4\.0/,
      );
      await cp(join(FIXTURES, 'redis-8.0.0'), join(copies, 'redis-8.2.0'), { recursive: true });
      await expect(update(join(copies, 'redis-8.2.0'))).rejects.toThrow(
        /has no row for it; add a row for `redis-8\.2\.0\/`/,
      );
      await writeFile(join(copies, 'redis-8.2.0/get.json'), '{ "GET": ');
      await writeFile(
        join(copies, 'LICENSE-NOTE.md'),
        note.replace('redis-7.4.0/', 'redis-8.2.0/'),
      );
      await expect(update(join(copies, 'redis-8.2.0'))).rejects.toThrow(
        /redis-8\.2\.0\/get\.json: /,
      );
      expect(() =>
        planSources([], [join(copies, 'redis-unstable')], {
          sourcesRoot: FIXTURES,
          repoRoot: dir,
          defaultRoot: FIXTURES,
        }),
      ).toThrow(/numeric version/);
    } finally {
      await rm(copies, { recursive: true, force: true });
    }
  });
});
