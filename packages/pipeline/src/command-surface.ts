import {
  defineCommandMethods,
  invokeCommand,
  invokePlain,
  paramsOf,
  type CommandInvoker,
  type CommandSpec,
} from '@redspec/types/internal';

/**
 * A base class whose prototype carries one method per generated command, each forwarding to
 * `[invokeCommand]` (plain calls through `[invokePlain]`, which a subclass may serve without
 * an array of parameters). Methods a subclass declares itself (the pipeline's `watch`, `discard`)
 * sit on the subclass prototype and shadow the generated ones of the same name.
 * @internal
 */
export abstract class CommandSurface implements CommandInvoker {
  abstract [invokeCommand](spec: CommandSpec, params: unknown[]): unknown;

  [invokePlain](spec: CommandSpec, a: unknown, b: unknown, c: unknown): unknown {
    return this[invokeCommand](spec, paramsOf(spec, a, b, c));
  }
}

defineCommandMethods(CommandSurface.prototype);
