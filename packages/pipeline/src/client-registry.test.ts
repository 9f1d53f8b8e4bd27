import { afterEach, describe, expect, it } from 'vitest';
import { FakeChannel } from '../test/fake-channel.js';
import { registerClient, resolveChannel, unregisterClient } from './client-registry.js';
import { ClientRegistryError } from './errors.js';

describe('the client registry', () => {
  afterEach(() => unregisterClient('*'));

  it('registers the default client and named ones', () => {
    const main = new FakeChannel();
    const cache = new FakeChannel();
    registerClient(main);
    registerClient(cache, 'cache');
    expect(resolveChannel('default')).toBe(main);
    expect(resolveChannel('cache')).toBe(cache);
    expect(resolveChannel(cache)).toBe(cache);
  });

  it('accepts the same client again, and refuses to rebind a name to another', () => {
    const main = new FakeChannel();
    registerClient(main, 'main');
    expect(() => registerClient(main, 'main')).not.toThrow();
    const error = (() => {
      try {
        registerClient(new FakeChannel(), 'main');
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(ClientRegistryError);
    expect(error).toMatchObject({ client: 'main', message: expect.stringContaining('main') });
    expect(resolveChannel('main')).toBe(main);
  });

  it('names the missing client and how to register it', () => {
    expect(() => resolveChannel('default')).toThrow(/registerClient\(client\)/);
    expect(() => resolveChannel('cache')).toThrow(/registerClient\(client, 'cache'\)/);
  });

  it('unregisterClient() frees one name, so it can be bound again; "*" frees all', () => {
    registerClient(new FakeChannel(), 'cache');
    registerClient(new FakeChannel());
    unregisterClient('cache');
    expect(() => resolveChannel('cache')).toThrow(ClientRegistryError);
    const other = new FakeChannel();
    registerClient(other, 'cache');
    expect(resolveChannel('cache')).toBe(other);
    unregisterClient();
    expect(() => resolveChannel('default')).toThrow(ClientRegistryError);
    unregisterClient('*');
    expect(() => resolveChannel('cache')).toThrow(ClientRegistryError);
  });
});
