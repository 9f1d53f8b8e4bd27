import { describe, expect, it } from 'vitest';
import { planSources } from './source-plan.js';

const existing = [
  { id: 'redis-7.2.6', product: 'redis' as const },
  { id: 'valkey-8.1-dev', product: 'valkey' as const },
];

describe('planSources', () => {
  it('finds imported sources under the sources root and puts a new Redis one before Valkey', () => {
    const plan = planSources(existing, '/specs', ['/elsewhere/redis-7.4.1']);
    expect(plan.ids).toEqual(['redis-7.2.6', 'redis-7.4.1', 'valkey-8.1-dev']);
    expect(plan.folders).toEqual([
      '/specs/redis-7.2.6',
      '/elsewhere/redis-7.4.1',
      '/specs/valkey-8.1-dev',
    ]);
    expect(plan.newIds).toEqual(['redis-7.4.1']);
  });

  it('appends a new Valkey source and re-reads a known one from where it is given', () => {
    const plan = planSources(existing, '/specs', ['/new/valkey-9.0.0', '/new/redis-7.2.6']);
    expect(plan.ids).toEqual(['redis-7.2.6', 'valkey-8.1-dev', 'valkey-9.0.0']);
    expect(plan.folders[0]).toBe('/new/redis-7.2.6');
    expect(plan.newIds).toEqual(['valkey-9.0.0']);
  });

  it('starts from nothing', () => {
    expect(planSources([], '/specs', ['/a/valkey-8.1-dev', '/a/redis-7.2.6']).ids).toEqual([
      'redis-7.2.6',
      'valkey-8.1-dev',
    ]);
  });
});
