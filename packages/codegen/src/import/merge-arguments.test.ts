import { describe, expect, it } from 'vitest';
import type { SpecArgument } from '../model/spec-types.js';
import { mergeArguments } from './merge-arguments.js';
import type { MergeContext, MergedArgument } from './merged-argument.js';

const redis = (sourceId: string): MergeContext => ({
  sourceId,
  product: 'redis',
  primary: 'redis',
});
const valkey = (sourceId: string): MergeContext => ({
  sourceId,
  product: 'valkey',
  primary: 'redis',
});

function merge(...lists: [MergeContext, SpecArgument[]][]): MergedArgument[] {
  const merged: MergedArgument[] = [];
  for (const [context, list] of lists) mergeArguments(merged, list, context);
  return merged;
}
const view = (list: MergedArgument[]): string[] =>
  list.map((m) => `${m.shape.name}@${m.sources.join('+')}`);

const str = (name: string, token?: string): SpecArgument =>
  token === undefined ? { name, type: 'string' } : { name, type: 'string', token };
const flag = (name: string, token: string): SpecArgument => ({ name, type: 'pure-token', token });

describe('mergeArguments', () => {
  it('inserts a new argument after the previous one of its source, or at the front', () => {
    const merged = merge(
      [redis('a'), [str('key'), flag('withscores', 'WITHSCORES')]],
      [
        redis('b'),
        [flag('first', 'FIRST'), str('key'), flag('rev', 'REV'), flag('withscores', 'WITHSCORES')],
      ],
    );
    expect(view(merged)).toEqual(['first@b', 'key@a+b', 'rev@b', 'withscores@a+b']);
  });

  it('keeps the position of known arguments when a later source reorders them', () => {
    const merged = merge(
      [redis('a'), [str('x'), str('y', 'Y')]],
      [redis('b'), [str('y', 'Y'), str('new'), str('x')]],
    );
    expect(view(merged)).toEqual(['x@a+b', 'y@a+b', 'new@b']);
  });

  it('tells apart upstream duplicates and follows their renames by token', () => {
    // redis 7.0.15 SORT has two arguments named "pattern"; 7.2 names them by-pattern/get-pattern.
    const merged = merge(
      [
        redis('7.0'),
        [str('key'), str('pattern', 'BY'), str('pattern', 'GET'), flag('alpha', 'ALPHA')],
      ],
      [
        redis('7.2'),
        [str('key'), str('by-pattern', 'BY'), str('get-pattern', 'GET'), flag('alpha', 'ALPHA')],
      ],
    );
    expect(view(merged)).toEqual([
      'key@7.0+7.2',
      'by-pattern@7.0+7.2',
      'get-pattern@7.0+7.2',
      'alpha@7.0+7.2',
    ]);
  });

  it('follows a renamed untokened block when its nested arguments overlap', () => {
    const block = (name: string): SpecArgument => ({
      name,
      type: 'block',
      multiple: true,
      arguments: [str('field'), str('value')],
    });
    const merged = merge(
      [redis('7.0'), [str('key'), block('field_value')]],
      [redis('7.2'), [str('key'), block('data')]],
    );
    expect(view(merged)).toEqual(['key@7.0+7.2', 'data@7.0+7.2']);
  });

  it('does not pair a restructured oneof that shares no nested argument', () => {
    const oneof = (name: string, args: SpecArgument[]): SpecArgument => ({
      name,
      type: 'oneof',
      arguments: args,
    });
    const merged = merge(
      [
        redis('8.0'),
        [
          oneof('save-selector', [flag('nosave', 'NOSAVE'), flag('save', 'SAVE')]),
          flag('abort', 'ABORT'),
        ],
      ],
      [
        valkey('8.1'),
        [oneof('abort-selector', [{ name: 'save-block', type: 'block' }, flag('abort', 'ABORT')])],
      ],
    );
    expect(view(merged)).toEqual(['abort-selector@8.1', 'save-selector@8.0', 'abort@8.0']);
  });

  it('never pairs an argument the incoming source still has under its own name', () => {
    const merged = merge([redis('a'), [str('one')]], [redis('b'), [str('two'), str('one')]]);
    expect(view(merged)).toEqual(['two@b', 'one@a+b']);
  });

  it('gives the shape to the primary product; another product only adds itself', () => {
    const merged = merge(
      [redis('7.0'), [{ name: 'skipme', type: 'string', token: 'SKIPME' }]],
      [
        redis('7.2'),
        [{ name: 'skipme', type: 'oneof', token: 'SKIPME', arguments: [flag('yes', 'YES')] }],
      ],
      [valkey('8.1'), [{ name: 'skipme', type: 'string', token: 'SKIPME', optional: true }]],
    );
    expect(merged[0]?.shape).toEqual({ name: 'skipme', type: 'oneof', token: 'SKIPME' });
    expect(merged[0]?.sources).toEqual(['7.0', '7.2', '8.1']);
    expect(view(merged[0]?.children ?? [])).toEqual(['yes@7.2']);
  });

  it('lets a newer source of the same other product update an argument only it has', () => {
    const merged = merge(
      [redis('7.2'), [str('key')]],
      [valkey('8.0'), [str('key'), str('extra', 'EXTRA')]],
      [valkey('8.1'), [str('key'), { name: 'extra', type: 'integer', token: 'EXTRA' }]],
    );
    expect(merged[1]?.shape.type).toBe('integer');
  });
});
