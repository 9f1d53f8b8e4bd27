import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  collectExamples,
  COMPILER_OPTIONS,
  ENTRIES,
  sourceFiles,
  type JsdocExample,
} from './jsdoc-examples.js';

/** Names examples use without defining them, as a reader would assume them. */
const PUBLIC_FREE_NAMES = `
declare const client: RedisClient;
declare const cluster: RedisCluster;
declare const pipe: Pipeline;
declare const parent: Pipeline;
declare const keys: string[];
declare const counter: Future<number>;
declare const sentinels: { host: string; port: number }[];
declare const Redis: new (options: object) => IoredisLike;
declare function queueEverything(pipe: Pipeline): void;
declare function afterEach(hook: () => void): void;
`;
const INTERNAL_FREE_NAMES = `
declare const commands: PreparedCommand[];
declare const socket: { write(data: Buffer): void };
`;

/** `import { … }` of every name `module` exports that is not taken yet. */
function importsOf(
  checker: ts.TypeChecker,
  program: ts.Program,
  module: string,
  file: string,
  taken: Set<string>,
): string {
  const source = program.getSourceFile(file);
  const symbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
  if (symbol === undefined) return '';
  const names: string[] = [];
  for (const exported of checker.getExportsOfModule(symbol)) {
    if (taken.has(exported.name) || exported.name === 'default') continue;
    taken.add(exported.name);
    const target =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    names.push(target.flags & ts.SymbolFlags.Value ? exported.name : `type ${exported.name}`);
  }
  return names.length === 0 ? '' : `import { ${names.join(', ')} } from '${module}';\n`;
}

function moduleText(example: JsdocExample, checker: ts.TypeChecker, program: ts.Program): string {
  const taken = new Set<string>();
  let text = importsOf(checker, program, '@redspec/client', ENTRIES['@redspec/client'], taken);
  if (!example.public) {
    const own = example.file.replace(/\.ts$/, '.js');
    text = importsOf(checker, program, own, example.file, taken) + text;
    for (const name of ['@redspec/types/internal', '@redspec/pipeline/internal'] as const) {
      text += importsOf(checker, program, name, ENTRIES[name], taken);
    }
    text += INTERNAL_FREE_NAMES;
  }
  return `${text}${PUBLIC_FREE_NAMES}\n{\n${example.code}\n}\n`;
}

describe('every @example in the JSDoc of the published packages', () => {
  const base = ts.createProgram(sourceFiles(), COMPILER_OPTIONS);
  const examples = collectExamples(base);
  const checker = base.getTypeChecker();
  const dir = path.join(import.meta.dirname, '__examples__');
  const virtual = new Map(
    examples.map((example, i) => [
      path.join(dir, `example-${i}.mts`),
      moduleText(example, checker, base),
    ]),
  );
  const host = ts.createCompilerHost(COMPILER_OPTIONS);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (file) => virtual.get(path.resolve(file)) ?? readFile(file);
  host.fileExists = (file) => virtual.has(path.resolve(file)) || fileExists(file);
  const program = ts.createProgram([...virtual.keys()], COMPILER_OPTIONS, host, base);

  it('finds the examples, public and internal', () => {
    expect(examples.filter((example) => example.public).length).toBeGreaterThan(25);
    expect(examples.some((example) => !example.public)).toBe(true);
  });

  it("shows the client's own quit() and disconnect() docs, not the deprecated QUIT command's", () => {
    const entry = base.getSourceFile(ENTRIES['@redspec/client'])!;
    const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(entry)!);
    const alias = exported.find((symbol) => symbol.name === 'RedisClient')!;
    const client = checker.getDeclaredTypeOfSymbol(checker.getAliasedSymbol(alias));
    for (const name of ['quit', 'disconnect']) {
      const member = checker.getPropertyOfType(client, name)!;
      const tags = member.getJsDocTags(checker).map((tag) => tag.name);
      expect(tags, name).not.toContain('deprecated');
      expect(ts.displayPartsToString(member.getDocumentationComment(checker)), name).toMatch(
        /clos/i,
      );
    }
  });

  it('compiles each one, public ones against exported names only', () => {
    const failures: string[] = [];
    [...virtual.keys()].forEach((file, i) => {
      const diagnostics = ts.getPreEmitDiagnostics(program, program.getSourceFile(file));
      if (diagnostics.length === 0) return;
      const messages = diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
      failures.push(`${examples[i]!.where}: ${messages.join(' | ')}`);
    });
    expect(failures).toEqual([]);
  });
});
