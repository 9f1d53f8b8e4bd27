import type { CommandChannel, RedisArgument, RespValue } from '@redspec/types';

/**
 * `CommandChannel.sendBatch` with the client's binary-mode flag. The interface in
 * `@redspec/types` does not declare the third parameter yet, but `RedisConnection.sendBatch`
 * takes `{ returnBuffers }` there; a channel declared with fewer parameters still fits this
 * shape, so no cast is needed, and a channel that ignores it simply decodes strings.
 */
interface BufferAwareChannel {
  sendBatch(
    commands: readonly (readonly RedisArgument[])[],
    timeoutMs: number | undefined,
    options: { readonly returnBuffers: boolean },
  ): Promise<RespValue[]>;
}

const BUFFERS = { returnBuffers: true } as const;

/** Sends `commands` in one batch, asking for Buffers when `buffers` is set. */
export function sendBatch(
  channel: CommandChannel,
  commands: readonly (readonly RedisArgument[])[],
  timeoutMs: number | undefined,
  buffers: boolean,
): Promise<RespValue[]> {
  if (!buffers) return channel.sendBatch(commands, timeoutMs);
  const aware: BufferAwareChannel = channel;
  return aware.sendBatch(commands, timeoutMs, BUFFERS);
}
