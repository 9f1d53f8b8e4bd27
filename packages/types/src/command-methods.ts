import type { CommandSpec } from './command-table.js';
import { commandTable, type CommandMethod } from './generated/command-table.js';

/** The method every command implementation provides; generated methods all call it. */
export const invokeCommand: unique symbol = Symbol('redspec.invokeCommand');

/** Something that runs commands described by the command table (a client, a pipeline). */
export interface CommandInvoker {
  [invokeCommand](spec: CommandSpec, params: unknown[]): unknown;
}

/**
 * Adds one method per generated command to `prototype`, each forwarding its spec and parameters
 * to `[invokeCommand]`, except where the class defines that method itself. Classes then declare `interface X extends RedisCommands<Ctx>` and share
 * a single runtime implementation: the typed surface exists once, in the generated interface.
 */
export function defineCommandMethods(prototype: CommandInvoker): void {
  for (const method of Object.keys(commandTable) as CommandMethod[]) {
    // A class's own method wins: the client's quit() closes, a pipeline's discard() discards.
    if (Object.prototype.hasOwnProperty.call(prototype, method)) continue;
    const spec = commandTable[method];
    Object.defineProperty(prototype, method, {
      value: function (this: CommandInvoker, ...params: unknown[]): unknown {
        return this[invokeCommand](spec, params);
      },
      writable: true,
      configurable: true,
    });
  }
}
