import type { CommandSpec } from './command-spec.js';
import { commandTable, type CommandMethod } from './generated/command-table.js';

/** The method every command implementation provides; generated methods all call it. */
export const invokeCommand: unique symbol = Symbol('redspec.invokeCommand');

/** The method plain commands' methods call with their parameters one by one. */
export const invokePlain: unique symbol = Symbol('redspec.invokePlain');

/** Something that runs commands described by the command table (a client, a pipeline). */
export interface CommandInvoker {
  [invokeCommand](spec: CommandSpec, params: unknown[]): unknown;
  /**
   * A call of a plain command (`spec.plain`: up to three required scalars, GET, SET, INCR)
   * without options, its parameters passed one by one: `preparePlainCommand` keeps them in the
   * command itself, so no array is made for them (the parameters past `spec.params` are
   * undefined). Anything else reaches `[invokeCommand]`.
   */
  [invokePlain](spec: CommandSpec, a: unknown, b: unknown, c: unknown): unknown;
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
      value: commandMethod(spec),
      writable: true,
      configurable: true,
    });
  }
}

/**
 * A method with the command's own arity: a fixed-size array costs less than rest parameters on
 * the hot path. Extra arguments take the slow path so the encoder can report them.
 */
/* eslint-disable prefer-rest-params -- `arguments.length` is read without materializing `arguments`. */
function commandMethod(spec: CommandSpec): (this: CommandInvoker, ...params: unknown[]) => unknown {
  if (spec.plain === true) {
    const method = plainMethod(spec);
    if (method !== undefined) return method;
  }
  switch (spec.params + (spec.hasOptions ? 1 : 0)) {
    case 1:
      return function (this: CommandInvoker, a: unknown) {
        return this[invokeCommand](spec, arguments.length > 1 ? Array.from(arguments) : [a]);
      };
    case 2:
      return function (this: CommandInvoker, a: unknown, b: unknown) {
        return this[invokeCommand](spec, arguments.length > 2 ? Array.from(arguments) : [a, b]);
      };
    case 3:
      return function (this: CommandInvoker, a: unknown, b: unknown, c: unknown) {
        return this[invokeCommand](spec, arguments.length > 3 ? Array.from(arguments) : [a, b, c]);
      };
    default:
      return function (this: CommandInvoker, ...params: unknown[]) {
        return this[invokeCommand](spec, params);
      };
  }
}
/* eslint-enable prefer-rest-params */

/**
 * A plain command's method: without options (the usual call) its parameters go one by one to
 * `[invokePlain]`; with options, or too many arguments, all of them go as an array to
 * `[invokeCommand]`, which encodes them or says what is wrong.
 */
/* eslint-disable prefer-rest-params -- `arguments` is read only on the rare path. */
function plainMethod(
  spec: CommandSpec,
): ((this: CommandInvoker, ...params: unknown[]) => unknown) | undefined {
  const arity = spec.params + (spec.hasOptions ? 1 : 0);
  switch (spec.params) {
    case 1:
      return function (this: CommandInvoker, a: unknown, options?: unknown) {
        return arguments.length > arity || options !== undefined
          ? this[invokeCommand](spec, Array.from(arguments))
          : this[invokePlain](spec, a, undefined, undefined);
      };
    case 2:
      return function (this: CommandInvoker, a: unknown, b: unknown, options?: unknown) {
        return arguments.length > arity || options !== undefined
          ? this[invokeCommand](spec, Array.from(arguments))
          : this[invokePlain](spec, a, b, undefined);
      };
    case 3:
      return function (
        this: CommandInvoker,
        a: unknown,
        b: unknown,
        c: unknown,
        options?: unknown,
      ) {
        return arguments.length > arity || options !== undefined
          ? this[invokeCommand](spec, Array.from(arguments))
          : this[invokePlain](spec, a, b, c);
      };
    default:
      return undefined;
  }
}
/* eslint-enable prefer-rest-params */
