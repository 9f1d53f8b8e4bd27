import {
  Project,
  SyntaxKind,
  type InterfaceDeclaration,
  type MethodSignature,
  type SourceFile,
} from 'ts-morph';

/** One method of the generated `RedisCommands` interface, as ts-morph reads it. */
export interface SurfaceMethod {
  name: string;
  /** Each overload's text without JSDoc, whitespace folded. */
  signatures: string[];
  tags: Record<string, string>;
  usesAny: boolean;
}

/**
 * The command methods of `RedisCommands`, those of the interfaces it extends in the same file
 * included (`SharedConnectionCommands`; a release before that split has one interface). Read
 * through `extends`, not every interface of the file: a published, bundled `.d.ts` holds the
 * package's other interfaces too.
 */
export function commandMethods(file: SourceFile): MethodSignature[] {
  const methods: MethodSignature[] = [];
  const visit = (declaration: InterfaceDeclaration): void => {
    methods.push(...declaration.getMethods());
    for (const base of declaration.getExtends()) {
      const extended = file.getInterface(base.getExpression().getText());
      if (extended !== undefined) visit(extended);
    }
  };
  visit(file.getInterfaceOrThrow('RedisCommands'));
  return methods;
}

/** Reads the command methods out of the emitted `redis-commands.ts` text. */
export function readSurface(redisCommandsSource: string): Map<string, SurfaceMethod> {
  const project = new Project({ useInMemoryFileSystem: true });
  const file = project.createSourceFile('redis-commands.ts', redisCommandsSource);
  const methods = new Map<string, SurfaceMethod>();
  for (const signature of commandMethods(file)) {
    const name = signature.getName();
    const entry = methods.get(name) ?? { name, signatures: [], tags: {}, usesAny: false };
    const text = signature.getText().replace(/\/\*\*[\s\S]*?\*\//g, '');
    entry.signatures.push(
      text.replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/,? \)/g, ')').trim(),
    );
    for (const doc of signature.getJsDocs()) {
      // Parsed from the raw text: ts-morph reads `@see https://…` as a link named `https`.
      for (const match of doc.getInnerText().matchAll(/^\s*@(\w+)\s*(.*)$/gm)) {
        entry.tags[match[1]!] = match[2]!.trim();
      }
    }
    entry.usesAny ||= signature.getDescendantsOfKind(SyntaxKind.AnyKeyword).length > 0;
    methods.set(name, entry);
  }
  return methods;
}

/** Problems in the emitted surface: missing or extra methods, missing docs, `any`. */
export function verifySurface(surface: Map<string, SurfaceMethod>, expected: string[]): string[] {
  const problems: string[] = [];
  for (const name of expected) {
    const method = surface.get(name);
    if (method === undefined) {
      problems.push(`${name}: missing from RedisCommands`);
      continue;
    }
    if (!('since' in method.tags) || !('see' in method.tags))
      problems.push(`${name}: JSDoc lacks @since or @see`);
    if (method.usesAny) problems.push(`${name}: uses any`);
  }
  const extra = [...surface.keys()].filter((name) => !expected.includes(name));
  problems.push(...extra.map((name) => `${name}: not in the model`));
  return problems;
}
