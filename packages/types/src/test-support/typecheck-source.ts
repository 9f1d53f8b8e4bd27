import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The folder of `packages/types/src`, where checked sources pretend to live. */
const SRC = fileURLToPath(new URL('../', import.meta.url));

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  types: ['node'],
};

/** A program over one in-memory file, as if it were `packages/types/src/<name>`. */
export interface CheckedSource {
  program: ts.Program;
  file: ts.SourceFile;
  checker: ts.TypeChecker;
  /** Type errors in the file, as text. */
  errors: string[];
}

/**
 * @internal For tests: type-checks `source` against the package's real sources (the generated
 * surface included) with the TypeScript compiler, without writing anything to disk.
 */
export function typecheckSource(name: string, source: string): CheckedSource {
  const path = `${SRC}${name}`;
  const host = ts.createCompilerHost(OPTIONS);
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => (file === path ? source : readFile(file));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => file === path || fileExists(file);
  const program = ts.createProgram([path], OPTIONS, host);
  const file = program.getSourceFile(path)!;
  const errors = ts.getPreEmitDiagnostics(program, file).map((diagnostic) => {
    const where =
      diagnostic.start === undefined
        ? ''
        : `${file.getLineAndCharacterOfPosition(diagnostic.start).line + 1}: `;
    return `${where}${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
  return { program, file, checker: program.getTypeChecker(), errors };
}
