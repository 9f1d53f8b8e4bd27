import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { commandTable, type CommandMethod } from './generated/command-table.js';
import { typecheckSource } from './test-support/typecheck-source.js';

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

/** `c.zrange(a0, a1, a2)` for each method, its required positionals typed as declared. */
function callsSource(methods: CommandMethod[]): string {
  const lines = [
    "import type { PromiseContext } from './command-context.js';",
    "import type { RedisCommands } from './generated/redis-commands.js';",
    'type C = RedisCommands<PromiseContext>;',
    'declare const c: C;',
    'declare function arg<M extends keyof C, I extends number>(): Parameters<C[M]>[I];',
  ];
  for (const method of methods) {
    const spec = commandTable[method];
    const required = spec.args.filter((a) => a.param !== undefined && a.optional !== true).length;
    const args = Array.from({ length: required }, (_, i) => `arg<'${method}', ${i}>()`);
    lines.push(`export const call_${method} = c.${method}(${args.join(', ')});`);
  }
  // The control: options only known at run time reach the general signature, several shapes.
  lines.push("export const control_zrange = c.zrange('z', 0, -1, arg<'zrange', 3>());");
  return lines.join('\n');
}

/** The shape of one non-null union member, as text; lists and tuples name their items' shapes. */
function shapeOf(checker: ts.TypeChecker, type: ts.Type, depth = 0): string {
  if (type.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.TemplateLiteral)) return 'string';
  if (type.flags & (ts.TypeFlags.NumberLike | ts.TypeFlags.BigIntLike)) return 'number';
  if (type.flags & ts.TypeFlags.BooleanLike) return 'boolean';
  if (type.flags & ts.TypeFlags.Unknown) return 'unknown';
  if (checker.isTupleType(type)) {
    const target = (type as ts.TypeReference).target as ts.TupleType;
    return `tuple/${target.fixedLength}${target.hasRestElement ? '+' : ''}`;
  }
  if (checker.isArrayType(type)) {
    const [item] = checker.getTypeArguments(type as ts.TypeReference);
    if (item === undefined || depth > 0) return 'list';
    return `list<${shapesOf(checker, item, depth + 1).join('|')}>`;
  }
  if (type.getSymbol()?.getName() === 'Buffer') return 'string';
  return 'object';
}

function shapesOf(checker: ts.TypeChecker, type: ts.Type, depth = 0): string[] {
  const members = type.isUnion() ? type.types : [type];
  const shapes = members
    .filter((member) => !(member.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)))
    .map((member) => shapeOf(checker, member, depth))
    // An empty list, like null, is what a missing key gives (ZPOPMIN): no shape of its own.
    .filter((shape) => shape !== 'tuple/0');
  return [...new Set(shapes)].sort();
}

describe('a call with only the required arguments', () => {
  const methods = Object.keys(commandTable) as CommandMethod[];
  const shapes = new Map<CommandMethod, string[]>();
  const controls = new Map<CommandMethod, string[]>();

  beforeAll(() => {
    const { checker, file, errors } = typecheckSource('plain-calls.check.ts', callsSource(methods));
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
