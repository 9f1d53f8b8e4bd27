import { beforeAll, describe, expect, it } from 'vitest';
import type { SpecArgument, SpecCommand } from '../model/spec-types.js';
import { loadSource, type LoadedSource } from './load-source.js';
import { mergeSources } from './merge-sources.js';
import { requireSharedSpecs } from './shared-specs.js';

// The upstream folders live outside the repo: skipped where absent, failed in CI.
const IDS = ['redis-7.0.15', 'redis-7.2.6', 'redis-7.4.1', 'redis-8.0-dev', 'valkey-8.1-dev'];
const SHARED = requireSharedSpecs(IDS);
const ROOT = SHARED ?? '';

describe.runIf(SHARED !== undefined)('import of the real upstream specs', () => {
  let sources: LoadedSource[] = [];
  let commands: SpecCommand[] = [];
  beforeAll(async () => {
    sources = await Promise.all(IDS.map((id) => loadSource(`${ROOT}/${id}`)));
    commands = mergeSources(sources);
  });
  const command = (name: string): SpecCommand => {
    const found = commands.find((c) => c.name === name);
    if (!found) throw new Error(`no ${name}`);
    return found;
  };

  it('merges every command of every source once', () => {
    expect(sources.map((s) => s.info.files)).toEqual([388, 392, 401, 402, 399]);
    expect(commands).toHaveLength(409);
    for (const source of sources) {
      const having = commands.filter((c) => c.sources.includes(source.info.id));
      expect(having).toHaveLength(source.info.files);
    }
  });

  it('knows where each command exists', () => {
    expect(command('HEXPIRE').sources).toEqual(['redis-7.4.1', 'redis-8.0-dev']);
    expect(command('CLIENT CAPA').sources).toEqual(['valkey-8.1-dev']);
    expect(command('SFLUSH').sources).toEqual(['redis-8.0-dev']);
    expect(command('GET').sources).toEqual(IDS);
  });

  it('marks arguments that not every source has', () => {
    const novalues = command('HSCAN').arguments?.find((a) => a.name === 'novalues');
    expect(novalues?.sources).toEqual(['redis-7.4.1', 'redis-8.0-dev', 'valkey-8.1-dev']);
    const noscores = command('ZSCAN').arguments?.find((a) => a.name === 'noscores');
    expect(noscores?.sources).toEqual(['valkey-8.1-dev']);
  });

  it('follows the redis 7.2 argument renames instead of duplicating them', () => {
    const sort = command('SORT').arguments?.map((a) => a.name);
    expect(sort).toEqual([
      'key',
      'by-pattern',
      'limit',
      'get-pattern',
      'order',
      'sorting',
      'destination',
    ]);
    expect(command('MSET').arguments).toEqual([
      {
        name: 'data',
        type: 'block',
        multiple: true,
        arguments: [
          { name: 'key', type: 'key', keySpecIndex: 0 },
          { name: 'value', type: 'string' },
        ],
      },
    ]);
  });

  it('keeps Redis facts on shared commands and fills reply schemas missing in 7.0', () => {
    expect(command('SET').reply).toMatchObject({ anyOf: expect.any(Array) });
    expect(command('CLUSTER SLOTS')).toMatchObject({ deprecatedSince: '7.0.0' });
    expect(command('SENTINEL MASTER')).not.toHaveProperty('deprecatedSince');
    expect(command('MSETNX')).not.toHaveProperty('tips');
  });

  it('keeps no prose keys anywhere, only reply properties that happen to be so named', () => {
    const prose = new Set(['summary', 'description', 'history', 'complexity', 'notes', 'function']);
    const leaks: string[] = [];
    const walk = (value: unknown, path: string, propertyNames: boolean): void => {
      if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${path}[${i}]`, false));
      if (typeof value !== 'object' || value === null) return;
      for (const [key, child] of Object.entries(value)) {
        if (prose.has(key) && !propertyNames) leaks.push(`${path}.${key}`);
        walk(child, `${path}.${key}`, !propertyNames && key === 'properties');
      }
    };
    for (const c of commands) walk(c, c.name, false);
    expect(leaks).toEqual([]);
  });

  it('uses only argument names that are unique per level, except the 7.0.15 GEORADIUS STOREs', () => {
    const duplicates: string[] = [];
    const check = (list: SpecArgument[] | undefined, path: string): void => {
      const seen = new Set<string>();
      for (const a of list ?? []) {
        if (seen.has(a.name)) duplicates.push(`${path}/${a.name}`);
        seen.add(a.name);
        check(a.arguments, `${path}/${a.name}`);
      }
    };
    for (const c of commands) check(c.arguments, c.name);
    expect(duplicates).toEqual([
      'GEORADIUS/key',
      'GEORADIUS/key',
      'GEORADIUSBYMEMBER/key',
      'GEORADIUSBYMEMBER/key',
    ]);
  });
});
