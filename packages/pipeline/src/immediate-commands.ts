import {
  encodeCommand,
  invokeCommand,
  normalizeReply,
  selectReplyPlan,
  type CommandSpec,
  type PromiseContext,
  type RedisCommands,
  type ServerInfo,
} from '@redspec/types';
import { checkImmediate } from './command-guard.js';
import { CommandSurface } from './command-surface.js';
import { sendBatch } from './send-batch.js';
import type { WatchSession } from './watch-session.js';

/**
 * Commands that run at once on a watching pipeline's leased connection, typed like the
 * client's (`Promise<T>`).
 */
class ImmediateCommands extends CommandSurface {
  constructor(
    private readonly session: WatchSession,
    private readonly server: () => ServerInfo | undefined,
    private readonly timeout: number | undefined,
    private readonly buffers: boolean,
  ) {
    super();
  }

  async [invokeCommand](spec: CommandSpec, params: unknown[]): Promise<unknown> {
    checkImmediate(spec);
    const args = encodeCommand(spec, params, this.server());
    const channel = await this.session.channel();
    const [reply] = await sendBatch(channel, [args], this.timeout, this.buffers);
    if (reply instanceof Error) throw reply;
    return normalizeReply(
      reply!,
      selectReplyPlan(spec.reply, spec.replyVariants, params, spec.params),
    );
  }
}

/** Creates the `pipe.immediate` surface over a watch session. */
export function createImmediateCommands<TString extends string | Buffer>(
  session: WatchSession,
  server: () => ServerInfo | undefined,
  timeout: number | undefined,
  buffers: boolean,
): RedisCommands<PromiseContext<TString>> {
  // The generated methods live on CommandSurface's prototype, out of the type checker's sight.
  return new ImmediateCommands(session, server, timeout, buffers) as unknown as RedisCommands<
    PromiseContext<TString>
  >;
}
