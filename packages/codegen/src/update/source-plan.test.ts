import { describe, expect, it } from 'vitest';
import type { SourceRecord } from '../import/imported-command.js';
import { planSources } from './source-plan.js';

const record = (id: string): SourceRecord => {
  const [product, ...version] = id.split('-');
  return { id, product: product as 'redis', version: version.join('-'), files: 1 };
};
const existing = [record('redis-7.2.6'), record('redis-8.0-dev'), record('valkey-8.1-dev')];
const where = { sourcesRoot: '/specs', repoRoot: '/repo', defaultRoot: '/specs' };

describe('planSources', () => {
  it('finds imported sources under the sources root and puts a new Redis one before Valkey', () => {
    const plan = planSources(existing, ['/specs/redis-8.2.0'], where);
    expect(plan.ids).toEqual(['redis-7.2.6', 'redis-8.0-dev', 'redis-8.2.0', 'valkey-8.1-dev']);
    expect(plan.folders[2]).toBe('/specs/redis-8.2.0');
    expect(plan.newIds).toEqual(['redis-8.2.0']);
    expect(plan.notes).toEqual([]);
    expect(plan.records[2]).not.toHaveProperty('path');
  });

  it('orders an older release by its version and says where it went', () => {
    const plan = planSources(existing, ['/specs/redis-7.4.0'], where);
    expect(plan.ids).toEqual(['redis-7.2.6', 'redis-7.4.0', 'redis-8.0-dev', 'valkey-8.1-dev']);
    expect(plan.notes).toEqual([
      'redis-7.4.0 is older than redis-8.0-dev: merged before it, so it adds what it has that they lack and overrides none of their facts',
    ]);
  });

  it('puts a release after its own development version, numbers compared as numbers', () => {
    const plan = planSources(existing, ['/specs/redis-8.0.0', '/specs/redis-10.0.0'], where);
    expect(plan.ids.slice(0, 4)).toEqual([
      'redis-7.2.6',
      'redis-8.0-dev',
      'redis-8.0.0',
      'redis-10.0.0',
    ]);
  });

  it('records the path of a folder outside the default root, relative to the repository', () => {
    const plan = planSources(existing, ['/repo/../elsewhere/valkey-9.0.0'], where);
    expect(plan.ids.at(-1)).toBe('valkey-9.0.0');
    expect(plan.records.at(-1)?.path).toBe('../elsewhere/valkey-9.0.0');
    const again = planSources(plan.records, [], where);
    expect(again.folders.at(-1)).toBe('/elsewhere/valkey-9.0.0');
  });

  it('re-reads a known source from where it is given, without making it new', () => {
    const plan = planSources(existing, ['/new/redis-7.2.6'], where);
    expect(plan.folders[0]).toBe('/new/redis-7.2.6');
    expect(plan.records[0]?.path).toBe('../new/redis-7.2.6');
    expect(plan.newIds).toEqual([]);
  });

  it('refuses a folder whose version cannot be ordered or gates nothing', () => {
    expect(() => planSources(existing, ['/specs/redis-unstable'], where)).toThrow(
      /numeric version/,
    );
    expect(() => planSources(existing, ['/specs/keydb-6.3.0'], where)).toThrow(/redis or valkey/);
    expect(() => planSources(existing, ['/specs/redis-7.2.6.0'], where)).toThrow(/same version/);
  });
});
