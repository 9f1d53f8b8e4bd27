import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../paths.js';
import { buildModels } from './command-model.js';
import { loadSpec, type LoadedSpec } from './load-spec.js';
import { buildScanIteratorModels, isCursorCommand } from './scan-iterator-model.js';
import type { SpecCommand } from './spec-types.js';

const page = {
  type: 'array',
  minItems: 2,
  maxItems: 2,
  items: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
};

const command = (overrides: Partial<SpecCommand>): SpecCommand => ({
  name: 'XSCAN',
  group: 'generic',
  since: '1.0.0',
  arity: -2,
  flags: [],
  arguments: [{ name: 'cursor', type: 'integer' }],
  reply: page,
  sources: ['redis-7.0.15'],
  ...overrides,
});

describe('cursor commands', () => {
  it('are told by a cursor argument and a [cursor, items[]] reply', () => {
    expect(isCursorCommand(command({}))).toBe(true);
    expect(isCursorCommand(command({ arguments: [{ name: 'start', type: 'string' }] }))).toBe(
      false,
    );
    // XAUTOCLAIM-like: three parts, not a page.
    expect(isCursorCommand(command({ reply: { ...page, minItems: 3, maxItems: 3 } }))).toBe(false);
    expect(isCursorCommand(command({ reply: { type: 'array', items: { type: 'string' } } }))).toBe(
      false,
    );
  });

  describe('in the merged spec', () => {
    let spec: LoadedSpec;
    beforeAll(async () => {
      spec = await loadSpec(join(repoRoot(), 'specs'));
    });

    it('are SCAN, HSCAN, SSCAN and ZSCAN, each with its cursor position', () => {
      const iterators = buildScanIteratorModels(spec, buildModels(spec));
      expect(iterators.map((it) => [it.method, it.command.method, it.cursorParam])).toEqual([
        ['hscanIterator', 'hscan', 1],
        ['scanIterator', 'scan', 0],
        ['sscanIterator', 'sscan', 1],
        ['zscanIterator', 'zscan', 1],
      ]);
      for (const iterator of iterators) {
        for (const signature of iterator.signatures) {
          expect(signature.params.map((param) => param.name)).not.toContain('cursor');
        }
      }
    });
  });
});
