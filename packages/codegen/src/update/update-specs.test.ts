import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireSharedSpecs } from '../import/shared-specs.js';
import { readSourceRecords } from '../import/source-records.js';
import type { SpecSource } from '../model/spec-types.js';
import { planSources } from './source-plan.js';
import {
  updateSpecs,
  workingTreeBase,
  type UpdateLayout,
  type UpdateResult,
} from './update-specs.js';

// The upstream folders live outside the repo: skipped where absent, failed in CI.
const SHARED = requireSharedSpecs(['redis-7.2.6', 'redis-7.4.1', 'valkey-8.1-dev']);
const ROOT = SHARED ?? '';
const where = { sourcesRoot: ROOT, repoRoot: ROOT, defaultRoot: ROOT };
// A copy of the repository's overlay: an update may add entries to it.
const overlay = fileURLToPath(new URL('../../../../specs/overlay', import.meta.url));

const HASH_FIELD_EXPIRY = [
  'hexpire',
  'hexpireat',
  'hexpiretime',
  'hpersist',
  'hpexpire',
  'hpexpireat',
  'hpexpiretime',
  'hpttl',
  'httl',
];

function layoutIn(dir: string): UpdateLayout {
  return {
    specDir: join(dir, 'specs'),
    overlayDir: join(dir, 'specs/overlay'),
    generatedDir: join(dir, 'generated'),
    commandsDoc: join(dir, 'docs/commands.md'),
    changesetDir: join(dir, '.changeset'),
  };
}

// Each update generates the whole surface (about 2 s idle, 30 s and more on a loaded 2-core
// machine), hence the long timeouts: they bound a hang, not the speed.
describe.runIf(SHARED !== undefined)(
  'update over a spec imported from redis-7.2.6 alone',
  { timeout: 180_000 },
  () => {
    const dirs: string[] = [];
    let base = '';

    beforeAll(async () => {
      base = await mkdtemp(join(tmpdir(), 'redspec-update-base-'));
      dirs.push(base);
      const layout = layoutIn(base);
      await cp(overlay, layout.overlayDir, { recursive: true });
      const plan = planSources([], [join(ROOT, 'redis-7.2.6')], where);
      await updateSpecs(plan, layout, { dryRun: false, base: { full: new Map() } });
      await rm(join(base, '.changeset'), { recursive: true });
    }, 180_000);
    afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

    /** Runs the update as the CLI does, on a copy of the base repository. */
    async function update(
      from: string,
      dryRun = false,
    ): Promise<{ dir: string; result: UpdateResult }> {
      const dir = await mkdtemp(join(tmpdir(), 'redspec-update-'));
      dirs.push(dir);
      await cp(base, dir, { recursive: true });
      const layout = layoutIn(dir);
      const plan = planSources(await readSourceRecords(layout.specDir), [join(ROOT, from)], where);
      const release = await workingTreeBase(layout);
      return { dir, result: await updateSpecs(plan, layout, { dryRun, base: release }) };
    }

    it('adds the nine hash-field-expiry methods from 7.4.1 and writes a minor changeset', async () => {
      const { dir, result } = await update('redis-7.4.1');
      expect(result.diff.added.map((entry) => entry.method)).toEqual(HASH_FIELD_EXPIRY);
      expect(result.diff.removed).toEqual([]);
      expect(result.bump).toBe('minor');
      const changeset = await readFile(join(dir, '.changeset/regenerate-redis-7-4-1.md'), 'utf8');
      expect(changeset).toBe(result.changeset?.text);
      expect(changeset).toMatch(
        /^---\n'@redspec\/types': minor\n'@redspec\/pipeline': minor\n'@redspec\/client': minor\n---\n/,
      );
      for (const method of HASH_FIELD_EXPIRY) expect(changeset).toContain(`- \`${method}\``);
      const sources = JSON.parse(
        await readFile(join(dir, 'specs/sources.json'), 'utf8'),
      ) as SpecSource[];
      expect(sources.map((source) => source.id)).toEqual(['redis-7.2.6', 'redis-7.4.1']);
      expect(await readFile(join(dir, 'generated/redis-commands.ts'), 'utf8')).toContain(
        'hexpire(',
      );
      expect(await readFile(join(dir, 'docs/commands.md'), 'utf8')).toContain('`HEXPIRE`');
    });

    it('adds the Valkey commands and reports argument changes such as HSCAN NOVALUES', async () => {
      const { dir, result } = await update('valkey-8.1-dev', true);
      const added = result.diff.added.map((entry) => entry.method);
      expect(added).toEqual(
        expect.arrayContaining(['clientCapa', 'clusterSlotStats', 'scriptShow']),
      );
      const hscan = result.diff.changed.find((change) => change.method === 'hscan');
      expect(hscan?.after).toContain('HscanOptions.novalues?: boolean');
      expect(hscan?.breaking).toBe(false);
      expect(result.changeset?.text).toContain('+ HscanOptions.novalues?: boolean');
      // A dry run writes nothing.
      expect(await readdir(dir)).not.toContain('.changeset');
      expect(result.specChanges.length).toBeGreaterThan(0);
    });

    it('finds no diff and writes no changeset when the same release is imported again', async () => {
      const { dir, result } = await update('redis-7.2.6');
      expect(result.diff).toEqual({ added: [], removed: [], changed: [], deprecated: [] });
      expect(result.bump).toBeUndefined();
      expect(result.changeset).toBeUndefined();
      expect(result.specChanges).toEqual([]);
      expect(existsSync(join(dir, '.changeset'))).toBe(false);
    });
  },
);
