import { describe, expect, it } from 'vitest';
import { readApiSurface, type ApiSurface } from './api-surface.js';
import { bumpFor } from './bump-for.js';
import { diffSurfaces } from './diff-surfaces.js';
import { widens } from './is-breaking.js';
import { renderDiff } from './render-diff.js';

// A hand-written miniature of the three generated files, in the generator's shape.
function method(command: string, signature: string, extraTags = ''): string {
  return `  /**\n   * \`${command}\` (generic).\n   *\n   * @since 1.0.0\n${extraTags}   * @see https://redis.io/\n   */\n  ${signature}\n`;
}

function surface(methods: string[], options = '', replies = ''): ApiSurface {
  return readApiSurface({
    redisCommands: `export interface RedisCommands<Ctx extends CommandContext> {\n${methods.join('\n')}}\n`,
    commandOptions: options,
    commandReplies: replies,
  });
}

const get = method('GET', "get(key: RedisKey): Result<Ctx, Ctx['string'] | null>;");
const scan = method('SCAN', 'scan(cursor: number, options?: O.ScanOptions): Result<Ctx, number>;');
const scanOptions = (fields: string): string => `export interface ScanOptions {\n${fields}\n}\n`;

describe('diffSurfaces', () => {
  it('finds nothing between equal surfaces, and calls for no release', () => {
    const diff = diffSurfaces(surface([get, scan]), surface([get, scan]));
    expect(diff).toEqual({ added: [], removed: [], changed: [], deprecated: [] });
    expect(bumpFor(diff)).toBeUndefined();
    expect(renderDiff(diff)).toBe('No API changes.\n');
  });

  it('reads a surface split over RedisCommands and what it extends, as in one interface', () => {
    // A bundled .d.ts as published: the split surface beside other interfaces with methods.
    const bundled = readApiSurface({
      redisCommands:
        `interface CommandChannel {\n  sendBatch(batch: unknown): Promise<unknown>;\n}\n` +
        `interface RedisCommands<Ctx extends CommandContext> extends SharedConnectionCommands<Ctx> {\n${scan}}\n` +
        `interface SharedConnectionCommands<Ctx extends CommandContext> {\n${get}}\n`,
      commandOptions: '',
      commandReplies: '',
    });
    expect([...bundled.keys()].sort()).toEqual(['get', 'scan']);
    expect(diffSurfaces(surface([get, scan]), bundled)).toEqual({
      added: [],
      removed: [],
      changed: [],
      deprecated: [],
    });
  });

  it('lists added methods as minor and removed ones as major', () => {
    const added = diffSurfaces(surface([get]), surface([get, scan]));
    expect(added.added.map((entry) => [entry.method, entry.command])).toEqual([['scan', 'SCAN']]);
    expect(bumpFor(added)).toBe('minor');
    const removed = diffSurfaces(surface([get, scan]), surface([get]));
    expect(removed.removed.map((entry) => entry.method)).toEqual(['scan']);
    expect(bumpFor(removed)).toBe('major');
  });

  it('follows options: a new optional field is an additive change', () => {
    const before = surface([scan], scanOptions('  match?: RedisArgument;'));
    const after = surface([scan], scanOptions('  match?: RedisArgument;\n  novalues?: boolean;'));
    const diff = diffSurfaces(before, after);
    expect(diff.changed).toEqual([expect.objectContaining({ method: 'scan', breaking: false })]);
    expect(diff.changed[0]!.after).toContain('ScanOptions.novalues?: boolean');
    expect(bumpFor(diff)).toBe('minor');
    expect(renderDiff(diff)).toContain('  + ScanOptions.novalues?: boolean');
  });

  it('takes an overload narrowed by a new option (HSCAN NOVALUES) as additive, an old one not', () => {
    const plain = 'scan(cursor: number, options?: O.ScanOptions): Result<Ctx, number>;';
    const narrowed = [
      'scan(cursor: number, options: O.ScanOptions & { novalues: true }): Result<Ctx, string>;',
      'scan(cursor: number, options?: O.ScanOptions & { novalues?: false }): Result<Ctx, number>;',
      'scan(cursor: number, options?: O.ScanOptions): Result<Ctx, number | string>;',
    ].join('\n  ');
    const after = surface(
      [method('SCAN', narrowed)],
      scanOptions('  match?: RedisArgument;\n  novalues?: boolean;'),
    );
    const added = diffSurfaces(
      surface([method('SCAN', plain)], scanOptions('  match?: RedisArgument;')),
      after,
    );
    expect(added.changed).toEqual([expect.objectContaining({ method: 'scan', breaking: false })]);
    // Had the old options a `novalues` already, a call setting it now gets another reply type.
    const existing = diffSurfaces(
      surface(
        [method('SCAN', plain)],
        scanOptions('  match?: RedisArgument;\n  novalues?: boolean;'),
      ),
      after,
    );
    expect(existing.changed[0]?.breaking).toBe(true);
  });

  it('calls a changed return type, a removed option or a new required parameter breaking', () => {
    const cases: [string[], string[], string, string][] = [
      [[get], [get.replace("Ctx['string'] | null", "Ctx['string']")], '', ''],
      [[scan], [scan], scanOptions('  match?: RedisArgument;'), scanOptions('')],
      [[get], [get.replace('key: RedisKey', 'key: RedisKey, field: RedisArgument')], '', ''],
    ];
    for (const [before, after, optionsBefore, optionsAfter] of cases) {
      const diff = diffSurfaces(surface(before, optionsBefore), surface(after, optionsAfter));
      expect(diff.changed[0]?.breaking).toBe(true);
      expect(bumpFor(diff)).toBe('major');
    }
  });

  it('reports new deprecations', () => {
    const deprecated = method(
      'GET',
      "get(key: RedisKey): Result<Ctx, Ctx['string'] | null>;",
      '   * @deprecated since 9.0.0; replaced by `GETEX`\n',
    );
    const diff = diffSurfaces(surface([get]), surface([deprecated]));
    expect(diff.deprecated).toEqual([
      { method: 'get', command: 'GET', note: 'since 9.0.0; replaced by `GETEX`' },
    ]);
    expect(diff.changed).toEqual([]);
    expect(bumpFor(diff)).toBe('minor');
  });

  it('sees reply alias changes as breaking', () => {
    const info = method('INFO', "info(): Result<Ctx, R.InfoReply<Ctx['string']>>;");
    const reply = (body: string): string =>
      `export type InfoReply<TString extends string | Buffer = string> = ${body};\n`;
    const diff = diffSurfaces(
      surface([info], '', reply('{ a: TString }')),
      surface([info], '', reply('{ a: number }')),
    );
    expect(diff.changed[0]).toMatchObject({ method: 'info', breaking: true });
  });
});

describe('widens', () => {
  it('accepts unions that gain members, at any depth', () => {
    expect(widens("'A'", "'A' | 'B'")).toBe(true);
    expect(
      widens(
        'OneOrMany<{ id: number } | { user: string }>',
        'OneOrMany<{ id: number } | { user: string } | { maxage: number }>',
      ),
    ).toBe(true);
    expect(
      widens('{ start: number; end: number }', '{ start: number; end: number; unit?: string }'),
    ).toBe(true);
  });

  it('rejects narrowing and new required fields', () => {
    expect(widens("'A' | 'B'", "'A'")).toBe(false);
    expect(widens('{ start: number }', '{ start: number; end: number }')).toBe(false);
    expect(widens('{ start?: number }', '{ start: number }')).toBe(false);
    expect(widens('number', 'string')).toBe(false);
  });
});
