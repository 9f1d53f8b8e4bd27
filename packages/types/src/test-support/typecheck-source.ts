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

/** One in-memory file of a checked program, as if it were `packages/types/src/<name>`. */
export interface CheckedSource {
  file: ts.SourceFile;
  checker: ts.TypeChecker;
  /** Type errors in the file, as text. */
  errors: string[];
}

/**
 * @internal For tests: type-checks in-memory sources (name → text) against the package's real
 * sources, the generated surface included, in one TypeScript program: building it is the
 * expensive part (seconds of CPU), so tests that need several files share one.
 */
export function typecheckSources(sources: Record<string, string>): Record<string, CheckedSource> {
  const byPath = new Map(Object.entries(sources).map(([name, text]) => [`${SRC}${name}`, text]));
  const host = ts.createCompilerHost(OPTIONS);
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => byPath.get(file) ?? readFile(file);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => byPath.has(file) || fileExists(file);
  const program = ts.createProgram([...byPath.keys()], OPTIONS, host);
  const checker = program.getTypeChecker();
  const checked: Record<string, CheckedSource> = {};
  for (const name of Object.keys(sources)) {
    const file = program.getSourceFile(`${SRC}${name}`)!;
    const errors = ts.getPreEmitDiagnostics(program, file).map((diagnostic) => {
      const where =
        diagnostic.start === undefined
          ? ''
          : `${file.getLineAndCharacterOfPosition(diagnostic.start).line + 1}: `;
      return `${where}${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    });
    checked[name] = { file, checker, errors };
  }
  return checked;
}
