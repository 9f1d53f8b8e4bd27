import { afterEach, describe, expect, it } from 'vitest';
import { connect, disconnect, disconnectAll, resolveConnection } from './connection-registry.js';
import { ConnectionRegistryError } from './errors.js';
import { FakeTransport } from './fake-transport.js';

describe('the connection registry', () => {
  afterEach(() => disconnectAll());

  it('registers the default connection and named ones', () => {
    const main = new FakeTransport();
    const cache = new FakeTransport();
    connect(main);
    connect(cache, 'cache');
    expect(resolveConnection('default')).toBe(main);
    expect(resolveConnection('cache')).toBe(cache);
    expect(resolveConnection(cache)).toBe(cache);
  });

  it('accepts the same client again, and refuses to rebind a name to another', () => {
    const main = new FakeTransport();
    connect(main, 'main');
    expect(() => connect(main, 'main')).not.toThrow();
    const error = (() => {
      try {
        connect(new FakeTransport(), 'main');
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(ConnectionRegistryError);
    expect(error).toMatchObject({ connection: 'main', message: expect.stringContaining('main') });
    expect(resolveConnection('main')).toBe(main);
  });

  it('names the missing connection and how to register it', () => {
    expect(() => resolveConnection('default')).toThrow(/connect\(client\)/);
    expect(() => resolveConnection('cache')).toThrow(/connect\(client, 'cache'\)/);
  });

  it('disconnect() unregisters one name, so it can be bound again', () => {
    connect(new FakeTransport(), 'cache');
    connect(new FakeTransport());
    disconnect('cache');
    expect(() => resolveConnection('cache')).toThrow(ConnectionRegistryError);
    const other = new FakeTransport();
    connect(other, 'cache');
    expect(resolveConnection('cache')).toBe(other);
    disconnect();
    expect(() => resolveConnection('default')).toThrow(ConnectionRegistryError);
  });
});
