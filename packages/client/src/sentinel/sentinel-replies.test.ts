import { describe, expect, it } from 'vitest';
import { isHealthy, parseAddress, parseListing } from './sentinel-replies.js';

describe('Sentinel replies', () => {
  it('reads GET-MASTER-ADDR-BY-NAME, and null for an unknown name', () => {
    expect(parseAddress(['10.0.0.1', '6379'])).toEqual({ host: '10.0.0.1', port: 6379 });
    expect(parseAddress(null)).toBeUndefined();
    expect(parseAddress(['10.0.0.1', 'x'])).toBeUndefined();
  });

  it('reads listings as RESP3 maps and as RESP2 flat lists', () => {
    const resp3 = [{ name: 'a', ip: '10.0.0.2', port: '6380', flags: 'slave' }];
    const resp2 = [['name', 'b', 'ip', '10.0.0.3', 'port', '6381', 'flags', 'slave,s_down']];
    expect(parseListing(resp3)).toEqual([{ host: '10.0.0.2', port: 6380, flags: ['slave'] }]);
    expect(parseListing(resp2)).toEqual([
      { host: '10.0.0.3', port: 6381, flags: ['slave', 's_down'] },
    ]);
    expect(parseListing(null)).toEqual([]);
  });

  it('holds down and disconnected instances unhealthy', () => {
    const at = { host: 'h', port: 1 };
    expect(isHealthy({ ...at, flags: ['slave'] })).toBe(true);
    for (const flag of ['s_down', 'o_down', 'disconnected']) {
      expect(isHealthy({ ...at, flags: ['slave', flag] })).toBe(false);
    }
  });
});
