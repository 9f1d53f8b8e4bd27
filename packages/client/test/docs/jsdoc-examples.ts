import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** One `@example` of a JSDoc comment, and whether users can reach what it documents. */
export interface JsdocExample {
  /** `packages/client/src/client/redis-client.ts:55 connect`. */
  readonly where: string;
  readonly code: string;
  /** Documents a declaration reachable from `@redspec/client` (so only exported names may appear). */
  readonly public: boolean;
  /** The file that declares it, for internal examples' imports. */
  readonly file: string;
}

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const pkg = (name: string, entry: string): string =>
  path.join(ROOT, 'packages', name, 'src', `${entry}.ts`);

export const ENTRIES = {
  '@redspec/client': pkg('client', 'index'),
  '@redspec/pipeline': pkg('pipeline', 'index'),
  '@redspec/pipeline/internal': pkg('pipeline', 'internal'),
  '@redspec/types': pkg('types', 'index'),
  '@redspec/types/internal': pkg('types', 'internal'),
} as const;

export const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2023.d.ts', 'lib.esnext.disposable.d.ts'],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: ['node'],
  baseUrl: ROOT,
  paths: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, [file]])),
};

/** Every source file of the published packages, tests and generated code excepted. */
export function sourceFiles(): string[] {
  return ['types', 'pipeline', 'client'].flatMap((name) => {
    const dir = path.join(ROOT, 'packages', name, 'src');
    return (fs.readdirSync(dir, { recursive: true }) as string[])
      .filter((file) => file.endsWith('.ts') && !/\.test(-d)?\.ts$/.test(file))
      .map((file) => path.join(dir, file));
  });
}

/** The declarations a user reaches from `@redspec/client`: its exports and their members. */
function publicDeclarations(program: ts.Program): Set<ts.Node> {
  const checker = program.getTypeChecker();
  const entry = program.getSourceFile(ENTRIES['@redspec/client'])!;
  const seen = new Set<ts.Node>();
  for (const exported of checker.getExportsOfModule(checker.getSymbolAtLocation(entry)!)) {
    const symbol =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    for (const declaration of symbol.declarations ?? []) seen.add(declaration);
    const types = [checker.getDeclaredTypeOfSymbol(symbol)];
    if (symbol.valueDeclaration !== undefined) {
      types.push(checker.getTypeOfSymbolAtLocation(symbol, symbol.valueDeclaration));
    }
    for (const type of types) {
      for (const member of checker.getPropertiesOfType(type)) {
        for (const declaration of member.declarations ?? []) seen.add(declaration);
      }
    }
  }
  return seen;
}

/** Every `@example` in the packages' sources. */
export function collectExamples(program: ts.Program): JsdocExample[] {
  const reachable = publicDeclarations(program);
  const examples: JsdocExample[] = [];
  for (const file of sourceFiles()) {
    const source = program.getSourceFile(file);
    if (source === undefined) continue;
    const tags = new Set<ts.JSDocTag>();
    const visit = (node: ts.Node): void => {
      for (const tag of ts.getJSDocTags(node)) {
        // A variable's tags are also reported for its declaration: take each tag once.
        if (tag.tagName.text !== 'example' || tags.has(tag)) continue;
        tags.add(tag);
        const code = ts.getTextOfJSDocComment(tag.comment) ?? '';
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        const name = (node as { name?: ts.Node }).name?.getText(source) ?? '';
        const where = `${path.relative(ROOT, file)}:${line} ${name}`;
        examples.push({ where, code, public: reachable.has(node), file });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return examples;
}
