import type ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { commandTable, type CommandMethod } from './generated/command-table.js';
import { examplesSource, overlayExamples } from './test-support/overlay-examples.js';
import { callsSource, shapesOf } from './test-support/plain-calls.js';
import { typecheckSources, type CheckedSource } from './test-support/typecheck-source.js';

/*
 * Checks that read the generated surface through the TypeScript compiler. They share one file
 * and one program: building a program over the surface takes seconds of CPU, and the whole
 * suite runs on two cores.
 */
let program: Record<string, CheckedSource> | undefined;
const checked = (): Record<string, CheckedSource> =>
  (program ??= typecheckSources({
    'plain-calls.check.ts': callsSource(Object.keys(commandTable) as CommandMethod[]),
    'overlay-examples.check.ts': examplesSource(),
  }));

/**
 * Issue 15's rule, over the whole surface: a method called with only its required arguments
 * resolves to a reply type that is one shape, not the union of what different options would
 * give (`zrange(k, 0, -1)` is `string[]`, never `string[] | [string, number][]`). The reply type
 * of every such call is read from the TypeScript checker and split into shapes: string, number,
 * boolean, a list of one item shape, a tuple of a given length, an object. `null` is no shape
 * (a missing key), so `string | null` is one shape.
 */

/** Plain calls whose reply has several shapes for a reason other than an option. */
const SEVERAL_SHAPES: Partial<Record<CommandMethod, string>> = {
  clientKill: 'the filter is required: its old ip:port form replies OK, the new form a count',
  role: 'the reply depends on the role of the server (master, replica, sentinel)',
};

describe('a call with only the required arguments', () => {
  const methods = Object.keys(commandTable) as CommandMethod[];
  const shapes = new Map<CommandMethod, string[]>();
  const controls = new Map<CommandMethod, string[]>();

  beforeAll(() => {
    const { checker, file, errors } = checked()['plain-calls.check.ts']!;
    expect(errors).toEqual([]);
    const exports = checker.getExportsOfModule(checker.getSymbolAtLocation(file)!);
    for (const symbol of exports) {
      const promise = checker.getTypeOfSymbol(symbol);
      const [reply] = checker.getTypeArguments(promise as ts.TypeReference);
      const [kind, method] = symbol.getName().split('_') as ['call' | 'control', CommandMethod];
      (kind === 'call' ? shapes : controls).set(method, shapesOf(checker, reply!));
    }
  }, 60_000);

  it('is typed for every method', () => {
    expect(shapes.size).toBe(methods.length);
  });

  it('tells one shape from several (the control: options only known at run time)', () => {
    expect(controls.get('zrange')).toEqual(['list<string>', 'list<tuple/2>']);
  });

  it('returns one shape, not a union of option-dependent variants', () => {
    const several = [...shapes]
      .filter(([method, found]) => found.length > 1 && SEVERAL_SHAPES[method] === undefined)
      .map(([method, found]) => `${method}: ${found.join(' | ')}`);
    expect(several).toEqual([]);
  });

  it('lists only methods that still have several shapes as exceptions', () => {
    const stale = Object.keys(SEVERAL_SHAPES).filter(
      (method) => (shapes.get(method as CommandMethod)?.length ?? 0) < 2,
    );
    expect(stale).toEqual([]);
  });
});

/**
 * The hand-written `@example`s of specs/overlay/examples.json are code users copy: each must
 * type-check against the generated surface, and call the method whose docs show it.
 */
const methodOf = (command: string): string | undefined =>
  Object.entries(commandTable).find(([, spec]) => spec.name === command)?.[0];

describe('overlay examples', () => {
  const entries = Object.entries(overlayExamples);

  it('cover the forty-odd most used commands, each a command of the table', () => {
    expect(entries.length).toBeGreaterThanOrEqual(40);
    expect(entries.filter(([command]) => methodOf(command) === undefined)).toEqual([]);
  });

  it('call the method they document', () => {
    const unused = entries.filter(([command, entry]) =>
      entry.examples.some((code) => !code.includes(`client.${methodOf(command)!}`)),
    );
    expect(unused.map(([command]) => command)).toEqual([]);
  });

  it('type-check against the generated surface', () => {
    expect(checked()['overlay-examples.check.ts']!.errors).toEqual([]);
  });
});
