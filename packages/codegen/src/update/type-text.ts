import { ts } from 'ts-morph';

const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });
const fold = (text: string): string => text.replace(/\s+/g, ' ').trim();

function reprint(source: string, pick: (file: ts.SourceFile) => ts.Node): string {
  const file = ts.createSourceFile('t.ts', source, ts.ScriptTarget.Latest, true);
  return fold(printer.printNode(ts.EmitHint.Unspecified, pick(file), file));
}

/**
 * A type as the TypeScript printer writes it, whitespace folded: Prettier's output (the
 * generated files) and tsc's declaration output (a published `.d.ts`) differ in leading `|`,
 * trailing `;` and line breaks, never in meaning, and must compare equal.
 */
export function canonicalType(text: string): string {
  return reprint(
    `type T = ${text};`,
    (file) => (file.statements[0] as ts.TypeAliasDeclaration).type,
  );
}

/** A method signature (`get(key: RedisKey): Result<Ctx, …>;`) written the same way. */
export function canonicalSignature(text: string): string {
  return reprint(
    `interface T { ${text.endsWith(';') ? text : `${text};`} }`,
    (file) => (file.statements[0] as ts.InterfaceDeclaration).members[0]!,
  );
}
