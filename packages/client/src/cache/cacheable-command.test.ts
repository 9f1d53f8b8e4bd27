import { readFileSync } from 'node:fs';
import { commandTable, prepareCommand } from '@redspec/types/internal';
import { describe, expect, it } from 'vitest';
import { cacheKeyOf, isCacheable, replyModeTag } from './cacheable-command.js';

const guide = new URL('../../../../docs/guides/client-side-caching.md', import.meta.url);

describe('isCacheable', () => {
  it('picks exactly the commands the guide lists (edit the guide when the specs change)', () => {
    const computed = Object.values(commandTable)
      .filter((spec) => isCacheable(spec))
      .map((spec) => spec.name)
      .sort();
    const text = readFileSync(guide, 'utf8');
    const block = /<!-- cacheable-commands:start -->([\s\S]*?)<!-- cacheable-commands:end -->/.exec(
      text,
    )![1]!;
    const listed = block.split(',').map((name) => name.trim().replace(/\s+/g, ' '));
    expect(listed, `the guide's list should read:\n${computed.join(', ')}`).toEqual(computed);
  });

  it('excludes writes, nondeterministic replies, multi-key and blocking reads', () => {
    for (const name of ['set', 'ttl', 'srandmember', 'mget', 'sinter', 'blpop', 'sortRo'] as const)
      expect(isCacheable(commandTable[name]), name).toBe(false);
    expect(isCacheable(undefined)).toBe(false);
  });
});

describe('cacheKeyOf', () => {
  it('tells apart modes, argument types and argument boundaries', () => {
    const get = (key: string | Buffer) => prepareCommand(commandTable.get, [key], undefined);
    const keys = new Set([
      cacheKeyOf(get('a'), 'S'),
      cacheKeyOf(get('a'), 'B'),
      cacheKeyOf(get(Buffer.from('a')), 'S'),
      cacheKeyOf(prepareCommand(commandTable.hget, ['a|s1:b', 'c'], undefined), 'S'),
      cacheKeyOf(prepareCommand(commandTable.hget, ['a', 'b|s1:c'], undefined), 'S'),
      cacheKeyOf(get(Buffer.from([0xff])), 'S'),
      cacheKeyOf(get(Buffer.from([0xfe])), 'S'),
    ]);
    expect(keys.size).toBe(7);
  });

  it('keeps every reply mode apart: strings, Buffers, bigints and both', () => {
    const modes = [false, true].flatMap((buffers) =>
      [false, true].map((bigints) => replyModeTag({ buffers, bigints })),
    );
    expect(new Set(modes).size).toBe(4);
  });
});
