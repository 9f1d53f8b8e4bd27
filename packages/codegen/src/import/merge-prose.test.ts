import { describe, expect, it } from 'vitest';
import type { SpecCommand, SpecSource } from '../model/spec-types.js';
import { mergeProse, type ProseSource } from './merge-prose.js';
import type { CommandProse } from './read-prose.js';

const source = (
  id: string,
  license: string | undefined,
  prose: Record<string, CommandProse>,
): ProseSource => {
  const [product, version] = id.split('-') as ['redis' | 'valkey', string];
  const info: SpecSource = { id, product, version, files: 1, ...(license ? { license } : {}) };
  return { info, prose: new Map(Object.entries(prose)) };
};

const command = (name: string, sources: string[]): SpecCommand => ({
  name,
  group: 'string',
  since: '1.0.0',
  arity: 2,
  flags: [],
  sources,
});

const bsd = 'BSD-3-Clause';
const rsal = 'RSALv2 OR SSPLv1';

describe('mergeProse', () => {
  const sources = [
    source('redis-7.0', bsd, { GET: { summary: 'old', complexity: 'O(1)' } }),
    source('redis-7.2', bsd, { GET: { summary: 'newer' } }),
    source('redis-7.4', rsal, { GET: { summary: 'not ours' }, HEXPIRE: { summary: 'not ours' } }),
    source('valkey-8.1', bsd, { GET: { summary: 'valkey' }, 'CLIENT CAPA': { summary: 'capa' } }),
    source('unknown-1.0', undefined, { GET: { summary: 'no license known' } }),
  ];
  const docs = mergeProse(
    [
      command('GET', ['redis-7.0', 'redis-7.2', 'redis-7.4', 'valkey-8.1']),
      command('HEXPIRE', ['redis-7.4']),
      command('CLIENT CAPA', ['valkey-8.1']),
    ],
    sources,
  );
  const byName = new Map(docs.map((entry) => [entry.name, entry]));

  it('takes prose only from sources whose license allows it, and names the source', () => {
    const all = JSON.stringify(docs);
    expect(all).not.toContain('not ours');
    expect(all).not.toContain('no license known');
    expect(byName.has('HEXPIRE')).toBe(false);
  });

  it("prefers the newest source of the command's lineage, field by field", () => {
    expect(byName.get('GET')).toEqual({
      name: 'GET',
      summary: { text: 'newer', source: 'redis-7.2' },
      complexity: { text: 'O(1)', source: 'redis-7.0' },
    });
  });

  it("takes the other lineage's prose for commands only it has", () => {
    expect(byName.get('CLIENT CAPA')?.summary).toEqual({ text: 'capa', source: 'valkey-8.1' });
  });
});
