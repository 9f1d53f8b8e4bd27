import {
  invokeCommand,
  prepareCommand,
  settleReply,
  type CommandSpec,
  type PromiseContext,
  type RedisCommands,
} from '@redspec/types/internal';
import { checkImmediate } from './command-guard.js';
import { CommandSurface } from './command-surface.js';
import type { WatchSession } from './watch-session.js';

/**
 * Commands that run at once on a watching pipeline's leased connection, typed like the
 * client's (`Promise<T>`).
 */
class ImmediateCommands extends CommandSurface {
  constructor(
    private readonly session: WatchSession,
    private readonly timeoutMs: number | undefined,
  ) {
    super();
  }

  async [invokeCommand](spec: CommandSpec, params: unknown[]): Promise<unknown> {
    checkImmediate(spec);
    const lease = await this.session.channel();
    const command = prepareCommand(spec, params, lease.server);
    const batch = { commands: [command], transaction: false, timeoutMs: this.timeoutMs };
    const { replies } = await lease.sendBatch(batch);
    return settleReply(command, replies[0] ?? null, lease.bigints === true);
  }
}

/** Creates the `pipe.immediate` surface over a watch session. */
export function createImmediateCommands<TString extends string | Buffer>(
  session: WatchSession,
  timeoutMs: number | undefined,
): RedisCommands<PromiseContext<TString>> {
  // The generated methods live on CommandSurface's prototype, out of the type checker's sight.
  return new ImmediateCommands(session, timeoutMs) as unknown as RedisCommands<
    PromiseContext<TString>
  >;
}
