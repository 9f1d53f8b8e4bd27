import { describe, expect, it } from 'vitest';
import type { ArgSpec, CommandSpec } from './command-spec.js';
import { encodeCommand } from './command-encoder.js';
import { CommandArgumentError } from './errors.js';
import { commandTable, type CommandMethod } from './generated/command-table.js';
import { minimalParams, sample } from '../test/minimal-params.js';

/**
 * Issue 15: a key the command does not know is refused before sending wherever an object goes,
 * not only in the top-level options (where a misspelled block field used to vanish and the
 * command went out without it). Checked for every command: the options object, and every
 * object-shaped argument, positional or optional, filled with a sample plus one unknown key.
 */
const objectArgs = (spec: CommandSpec): ArgSpec[] =>
  spec.args.filter((arg) => arg.kind === 'block' && arg.pairs !== true && arg.key !== undefined);

const cases = (Object.entries(commandTable) as [CommandMethod, CommandSpec][]).flatMap(
  ([method, spec]) => [
    ...(spec.hasOptions ? [{ method, spec, arg: undefined }] : []),
    ...objectArgs(spec).map((arg) => ({ method, spec, arg })),
    ...spec.args
      .filter((arg) => arg.kind === 'block' && arg.param !== undefined && arg.pairs !== true)
      .map((arg) => ({ method, spec, arg })),
  ],
);

/** The minimal call with `extra: 1` added to the options object or to one object argument. */
function withUnknownKey(spec: CommandSpec, arg: ArgSpec | undefined): unknown[] {
  const params = minimalParams(spec);
  while (params.length < spec.params) params.push(undefined);
  const options = { ...(params[spec.params] as Record<string, unknown> | undefined) };
  if (arg === undefined) {
    params[spec.params] = { ...options, extra: 1 };
    return params;
  }
  const value = sample(arg);
  const item = (Array.isArray(value) ? value[0] : value) as Record<string, unknown>;
  const bad = { ...item, extra: 1 };
  const filled = arg.multiple === true ? [bad] : bad;
  if (arg.param !== undefined) params[arg.param] = filled;
  else params[spec.params] = { ...options, [arg.key!]: filled };
  return params;
}

describe('an unknown key anywhere an object goes', () => {
  it('reaches every command with options or object arguments', () => {
    expect(new Set(cases.map((c) => c.method)).size).toBeGreaterThanOrEqual(100);
    expect(cases.filter((c) => c.arg !== undefined).length).toBeGreaterThan(20);
  });

  it.each(cases.map((c) => [`${c.method} ${c.arg?.name ?? 'options'}`, c] as const))(
    '%s: refused before sending, naming the command and the key',
    (_label, { spec, arg }) => {
      const call = (): unknown => encodeCommand(spec, withUnknownKey(spec, arg));
      expect(call).toThrow(CommandArgumentError);
      expect(call).toThrow(`${spec.name}: argument '${arg?.name ?? 'options'}.extra'`);
    },
  );
});
