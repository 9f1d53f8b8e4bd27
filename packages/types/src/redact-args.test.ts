import { describe, expect, it } from 'vitest';
import { redactArgs } from './redact-args.js';

describe('redactArgs', () => {
  it('hides every password a command can carry', () => {
    expect(redactArgs(['AUTH', 's3cret'])).toEqual(['AUTH', '<redacted>']);
    expect(redactArgs(['AUTH', 'app', 's3cret'])).toEqual(['AUTH', '<redacted>', '<redacted>']);
    expect(redactArgs(['HELLO', 3, 'AUTH', 'app', 's3cret', 'SETNAME', 'x'])).toEqual([
      'HELLO',
      3,
      'AUTH',
      '<redacted>',
      '<redacted>',
      'SETNAME',
      'x',
    ]);
    expect(redactArgs(['ACL', 'SETUSER', 'bob', 'on', '>pw', '~*'])).toEqual([
      'ACL',
      'SETUSER',
      'bob',
      '<redacted>',
      '<redacted>',
      '<redacted>',
    ]);
    expect(
      redactArgs(['MIGRATE', 'h', 6379, '', 0, 5000, 'AUTH2', 'u', 'pw', 'KEYS', 'a']),
    ).toEqual([
      'MIGRATE',
      'h',
      6379,
      '',
      0,
      5000,
      'AUTH2',
      '<redacted>',
      '<redacted>',
      'KEYS',
      'a',
    ]);
    expect(redactArgs(['config', 'set', 'requirepass', 'pw', 'maxmemory', '1mb'])).toEqual([
      'config',
      'set',
      'requirepass',
      '<redacted>',
      'maxmemory',
      '1mb',
    ]);
  });

  it('returns other commands unchanged, without copying', () => {
    const args = ['SET', 'AUTH', 'value'];
    expect(redactArgs(args)).toBe(args);
    const config = ['CONFIG', 'SET', 'maxmemory', '1mb'];
    expect(redactArgs(config)).toBe(config);
  });
});
