import { UnsupportedCommandError } from '@redspec/types';
import { describe, expect, it } from 'vitest';
import { FakeChannel } from '../test/fake-channel.js';
import { openPipeline } from './run-pipeline.js';

/** A client that has not connected yet: its server is unknown until `ready()`. */
function coldChannel(version = '7.0.15'): FakeChannel {
  const channel = new FakeChannel();
  channel.server = undefined;
  channel.ready = () => {
    channel.server = { product: 'redis', version, protocol: 3 };
    return Promise.resolve(channel.server);
  };
  return channel;
}

describe('a pipeline on a client that has not connected yet', () => {
  it('connects, checks its commands against the server, then sends them', async () => {
    const channel = coldChannel();
    const pipe = openPipeline(channel, { autoexec: false });
    const count = pipe.incr('a');
    expect(await pipe.execute()).toEqual([1]);
    expect(await count).toBe(1);
    expect(channel.batches).toEqual([[['INCR', 'a']]]);
  });

  it('sends nothing when a command turns out newer than the server', async () => {
    const channel = coldChannel('6.0.0');
    const pipe = openPipeline(channel, { autoexec: false });
    const count = pipe.incr('a');
    const copied = pipe.copy('a', 'b'); // COPY came in 6.2.0
    await expect(pipe.execute()).rejects.toBeInstanceOf(UnsupportedCommandError);
    await expect(count).rejects.toBeInstanceOf(UnsupportedCommandError);
    await expect(copied).rejects.toThrow(/COPY needs redis 6.2.0/);
    expect(channel.batches).toEqual([]);
  });

  it('checks the commands a nested pipeline handed up, too, before sending anything', async () => {
    const channel = coldChannel('6.0.0');
    const root = openPipeline(channel, { autoexec: false });
    const nested = openPipeline(channel, { parent: root });
    const copied = nested.copy('a', 'b'); // COPY came in 6.2.0; queued unchecked, still cold
    await channel.ready();
    const count = root.incr('a'); // checked at its call; the nested queue is appended after it
    nested.close();
    await expect(root.execute()).rejects.toBeInstanceOf(UnsupportedCommandError);
    await expect(copied).rejects.toThrow(/COPY needs redis 6.2.0/);
    await expect(count).rejects.toBeInstanceOf(UnsupportedCommandError);
    expect(channel.batches).toEqual([]);
  });
});
