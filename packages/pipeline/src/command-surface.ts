import {
  defineCommandMethods,
  invokeCommand,
  type CommandInvoker,
  type CommandSpec,
} from '@redspec/types/internal';

/**
 * A base class whose prototype carries one method per generated command, each forwarding to
 * `[invokeCommand]`. Methods a subclass declares itself (the pipeline's `watch`, `discard`)
 * sit on the subclass prototype and shadow the generated ones of the same name.
 * @internal
 */
export abstract class CommandSurface implements CommandInvoker {
  abstract [invokeCommand](spec: CommandSpec, params: unknown[]): unknown;
}

defineCommandMethods(CommandSurface.prototype);
