import ts from 'typescript';
import { commandTable, type CommandMethod } from '../generated/command-table.js';

/** @internal For tests: calls of every method with only its required arguments, and their shapes. */

/** `c.zrange(a0, a1, a2)` for each method, its required positionals typed as declared. */
export function callsSource(methods: CommandMethod[]): string {
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

export function shapesOf(checker: ts.TypeChecker, type: ts.Type, depth = 0): string[] {
  const members = type.isUnion() ? type.types : [type];
  const shapes = members
    .filter((member) => !(member.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)))
    .map((member) => shapeOf(checker, member, depth))
    // An empty list, like null, is what a missing key gives (ZPOPMIN): no shape of its own.
    .filter((shape) => shape !== 'tuple/0');
  return [...new Set(shapes)].sort();
}
