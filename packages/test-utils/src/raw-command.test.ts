import { describe, expect, it } from 'vitest';
import { targetFromUrl } from './raw-command.js';

describe('targetFromUrl', () => {
  it('reads host, port and decoded credentials', () => {
    expect(targetFromUrl('redis://al%40ice:p%40ss@127.0.0.1:7000')).toEqual({
      host: '127.0.0.1',
      port: 7000,
      username: 'al@ice',
      password: 'p@ss',
    });
  });

  it('defaults the port, unwraps IPv6 hosts and leaves out missing credentials', () => {
    expect(targetFromUrl('redis://[::1]')).toEqual({
      host: '::1',
      port: 6379,
      username: undefined,
      password: undefined,
    });
  });

  it('rejects URLs it cannot speak to', () => {
    expect(() => targetFromUrl('rediss://localhost:6380')).toThrow(/redis:\/\//);
  });
});
