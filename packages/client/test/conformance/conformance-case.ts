import type { RedisClient } from '../../src/index.js';
import type { CommandMethod, PromiseContext, RedisCommands } from '@redspec/types/internal';

/** What a case's setup, arguments and check get: the client and this suite's key space. */
export interface CaseContext {
  readonly client: RedisClient;
  readonly protocol: 2 | 3;
  /** A key (or channel) private to this suite and protocol: `conf:<protocol>:<name>`. */
  key(name: string): string;
  /**
   * A server-wide name (user, library, function, client name) private to this protocol:
   * `conf-<protocol>-<name>`, or `conf_<protocol>_<name>` where only word characters may go.
   */
  name(name: string, separator?: '-' | '_'): string;
  /** Runs `cleanup` once the protocol's cases are done (to drop users, functions, connections). */
  onCleanup(cleanup: () => Promise<unknown>): void;
}

/** One live call of one command whose decoded reply is validated against its reply schema. */
export interface ConformanceCase {
  /** `method`, or `method label` when a method has several cases. */
  readonly id: string;
  readonly method: CommandMethod;
  /** Prepares the keys the call reads, through the client. */
  readonly setup?: (ctx: CaseContext) => Promise<unknown>;
  /** The call's parameters, as passed to the method. */
  readonly args: (ctx: CaseContext) => readonly unknown[];
  /** An extra assertion on the reply, after schema validation. */
  readonly check?: (reply: unknown, ctx: CaseContext) => void;
  /**
   * The reply differs from run to run (random picks, clocks, ids, server-wide state other test
   * files change), so its RESP2 and RESP3 forms are not compared.
   */
  readonly volatile?: boolean;
  /**
   * The form in which the two protocols' replies are compared, where the server's own order
   * varies from call to call (COMMAND lists subcommands in hash-table order).
   */
  readonly comparable?: (reply: unknown) => unknown;
}

// The whole generated surface: cases also cover commands the client keeps off its shared
// connection (HELLO), which the runner sends on a connection of their own.
type Surface = RedisCommands<PromiseContext>;
type Params<TMethod extends CommandMethod> = Parameters<Surface[TMethod]>;
type Reply<TMethod extends CommandMethod> = Awaited<ReturnType<Surface[TMethod]>>;

interface CaseInput<TMethod extends CommandMethod> {
  readonly label?: string;
  readonly setup?: (ctx: CaseContext) => Promise<unknown>;
  readonly args?: (ctx: CaseContext) => Params<TMethod>;
  readonly check?: (reply: Reply<TMethod>, ctx: CaseContext) => void;
  readonly volatile?: boolean;
  readonly comparable?: (reply: Reply<TMethod>) => unknown;
}

/**
 * Declares a case with arguments and check typed by the method's signature (its most general
 * overload), so the suite also exercises the generated types.
 */
export function conformanceCase<TMethod extends CommandMethod>(
  method: TMethod,
  input: CaseInput<TMethod> = {},
): ConformanceCase {
  const { label, setup, args, check, volatile, comparable } = input;
  return {
    id: label === undefined ? method : `${method} ${label}`,
    method,
    ...(setup !== undefined ? { setup } : {}),
    args: args ?? (() => []),
    ...(check !== undefined ? { check: check as ConformanceCase['check'] } : {}),
    ...(volatile === true ? { volatile } : {}),
    ...(comparable !== undefined
      ? { comparable: comparable as NonNullable<ConformanceCase['comparable']> }
      : {}),
  };
}
