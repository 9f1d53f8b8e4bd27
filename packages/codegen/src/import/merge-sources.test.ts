import { describe, expect, it } from 'vitest';
import type { SpecArgument, SpecCommand } from '../model/spec-types.js';
import { FIXTURE_DIRS } from './fixture-sources.js';
import { loadSource } from './load-source.js';
import { mergeSources } from './merge-sources.js';
import { renderSpecFiles } from './spec-files.js';

const sources = await Promise.all(FIXTURE_DIRS.map((dir) => loadSource(dir)));
const commands = mergeSources(sources);
const command = (name: string): SpecCommand => {
  const found = commands.find((c) => c.name === name);
  if (!found) throw new Error(`no ${name}`);
  return found;
};
const names = (list: SpecArgument[] | undefined): string[] => (list ?? []).map((a) => a.name);
const child = (list: SpecArgument[] | undefined, name: string): SpecArgument | undefined =>
  list?.find((a) => a.name === name);

describe('mergeSources over the fixtures', () => {
  it('names every command once, subcommands with their container, sorted', () => {
    expect(commands.map((c) => c.name)).toEqual([
      'BLPOP',
      'CLIENT',
      'CLIENT CAPA',
      'CLIENT KILL',
      'FUNCTION LIST',
      'GET',
      'SENTINEL MASTER',
      'ZRANGE',
    ]);
    expect(command('CLIENT KILL').container).toBe('CLIENT');
  });

  it('lists the sources that have each command, in import order', () => {
    expect(command('GET').sources).toEqual(['redis-7.0.0', 'redis-7.2.0', 'valkey-8.0.0']);
    expect(command('SENTINEL MASTER').sources).toEqual(['redis-7.2.0', 'valkey-8.0.0']);
    expect(command('CLIENT CAPA').sources).toEqual(['valkey-8.0.0']);
  });

  it('inserts an argument a later version adds after its predecessor, with its sources', () => {
    const zrange = command('ZRANGE').arguments;
    expect(names(zrange)).toEqual(['key', 'start', 'stop', 'sortby', 'rev', 'limit', 'withscores']);
    expect(child(zrange, 'rev')?.sources).toEqual(['redis-7.2.0', 'valkey-8.0.0']);
    expect(child(zrange, 'key')?.sources).toBeUndefined();
  });

  it('follows a renamed argument instead of keeping both names', () => {
    // redis-7.0.0 calls it offset_count, redis-7.2.0 limit; both are LIMIT on the wire.
    const limit = child(command('ZRANGE').arguments, 'limit');
    expect(limit).toMatchObject({ token: 'LIMIT', type: 'block' });
    expect(limit?.sources).toBeUndefined();
    // Valkey's primary-name is Redis's master-name: Redis keeps its name, no sources needed.
    expect(command('SENTINEL MASTER').arguments).toEqual([{ name: 'master-name', type: 'string' }]);
  });

  it('merges nested arguments the same way', () => {
    const newFormat = child(
      child(command('CLIENT KILL').arguments, 'filter')?.arguments,
      'new-format',
    );
    expect(names(newFormat?.arguments)).toEqual(['client-id', 'laddr', 'skipme', 'maxage']);
    expect(child(newFormat?.arguments, 'laddr')?.sources).toEqual(['valkey-8.0.0']);
    expect(child(newFormat?.arguments, 'maxage')?.sources).toEqual(['redis-7.2.0', 'valkey-8.0.0']);
  });

  it('lets a later Redis replace an argument shape, but never Valkey', () => {
    // 7.2.0 turned SKIPME from a string into a oneof; Valkey's string must not win back.
    const newFormat = child(
      child(command('CLIENT KILL').arguments, 'filter')?.arguments,
      'new-format',
    );
    const skipme = child(newFormat?.arguments, 'skipme');
    expect(skipme?.type).toBe('oneof');
    expect(skipme?.sources).toBeUndefined();
    expect(names(skipme?.arguments)).toEqual(['yes', 'no']);
    expect(child(skipme?.arguments, 'yes')?.sources).toEqual(['redis-7.2.0']);
  });

  it('takes facts from the newest Redis source, including facts it dropped', () => {
    const blpop = command('BLPOP');
    expect(blpop.flags).toEqual(['WRITE', 'BLOCKING']);
    expect(blpop.tips).toBeUndefined();
    // redis-7.0.0 has no reply schema; redis-7.2.0 supplies it.
    expect(command('GET').reply).toEqual({ oneOf: [{ type: 'string' }, { type: 'null' }] });
  });

  it('lets Valkey fill only facts Redis lacks, and never its deprecation', () => {
    const get = command('GET');
    expect(get.arity).toBe(2);
    expect(get.tips).toEqual(['NONDETERMINISTIC_OUTPUT']);
    expect(command('SENTINEL MASTER')).not.toHaveProperty('deprecatedSince');
    expect(command('SENTINEL MASTER')).not.toHaveProperty('docFlags');
    expect(command('FUNCTION LIST').reply).toMatchObject({ items: { type: 'object' } });
  });

  it('records valkeySince only where Valkey disagrees with Redis', () => {
    expect(command('BLPOP')).toMatchObject({ since: '2.0.0', valkeySince: '2.2.0' });
    expect(command('GET')).not.toHaveProperty('valkeySince');
    expect(command('CLIENT CAPA')).toMatchObject({ since: '8.0.0' });
    expect(command('CLIENT CAPA')).not.toHaveProperty('valkeySince');
  });

  it('keeps facts only: no prose anywhere, but a property named "description" stays', () => {
    const text = JSON.stringify(commands);
    for (const prose of ['summary', 'complexity', 'history', 'function', 'notes']) {
      expect(text).not.toContain(`"${prose}"`);
    }
    const functions = (
      command('FUNCTION LIST').reply as {
        items: { properties: Record<string, { items: { properties: object } }> };
      }
    ).items.properties.functions;
    expect(Object.keys(functions?.items.properties ?? {})).toEqual([
      'name',
      'description',
      'flags',
    ]);
    expect(JSON.stringify(functions)).not.toContain("the function's description");
  });

  it('keeps upstream argument facts under camelCased names', () => {
    const old = child(child(command('CLIENT KILL').arguments, 'filter')?.arguments, 'old-format');
    expect(old).toEqual({
      name: 'old-format',
      type: 'string',
      deprecatedSince: '2.8.12',
      display: 'ip:port',
    });
    expect(child(command('BLPOP').arguments, 'key')).toEqual({
      name: 'key',
      type: 'key',
      multiple: true,
      keySpecIndex: 0,
    });
  });

  it('is deterministic: two runs render byte-identical files', async () => {
    const again = await Promise.all(FIXTURE_DIRS.map((dir) => loadSource(dir)));
    const render = (list: typeof sources): Map<string, string> =>
      renderSpecFiles(
        mergeSources(list),
        list.map((s) => s.info),
      );
    expect([...render(again)]).toEqual([...render(sources)]);
  });
});
