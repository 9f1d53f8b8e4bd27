import { Project, type MethodSignature, type SourceFile } from 'ts-morph';
import { commandMethods, readSurface } from '../emit/read-surface.js';
import { canonicalSignature, canonicalType } from './type-text.js';

/**
 * The three generated files that make up the typed command surface, as text; for a published
 * package, its bundled `.d.ts` three times over (it declares all three in one file).
 */
export interface SurfaceFiles {
  redisCommands: string;
  commandOptions: string;
  commandReplies: string;
}

/** One parameter of one overload; `type` is its text with whitespace folded. */
export interface ParamApi {
  name: string;
  optional: boolean;
  type: string;
}

/** One overload of a method: what a caller passes and what it gets back. */
export interface OverloadApi {
  params: ParamApi[];
  returns: string;
}

/** One field of an `XxxOptions` interface. */
export interface OptionMemberApi {
  optional: boolean;
  type: string;
}

/** One method of `RedisCommands` with the option and reply types its signatures name. */
export interface MethodApi {
  name: string;
  /** The command the JSDoc names (`HEXPIRE`, `CLIENT KILL`). */
  command: string;
  /** Each overload's text, as `readSurface` gives it. */
  signatures: string[];
  overloads: OverloadApi[];
  /** Options interfaces named by the signatures (`HscanOptions`), field by field. */
  options: Record<string, Record<string, OptionMemberApi>>;
  /** Reply aliases named by the signatures (`HgetallReply`), as folded text. */
  replies: Record<string, string>;
  tags: Record<string, string>;
}

/** The generated surface, method by method. */
export type ApiSurface = Map<string, MethodApi>;

// The generated files name options and replies through namespaces (`O.HscanOptions`), a bundled
// `.d.ts` by their bare names: the surface keeps bare names, printed one way, so both read the same.
const unqualify = (text: string): string => text.replace(/\b[OR]\.(?=\w)/g, '');
const typeText = (text: string): string => canonicalType(unqualify(text));

/**
 * Reads the generated surface with ts-morph. Options and replies are followed because a new
 * argument usually lands in `HscanOptions`, leaving `hscan(key, cursor, options?)` as it was.
 */
export function readApiSurface(files: SurfaceFiles): ApiSurface {
  const project = new Project({ useInMemoryFileSystem: true });
  const commands = project.createSourceFile('redis-commands.ts', files.redisCommands);
  const options = readOptions(project.createSourceFile('command-options.ts', files.commandOptions));
  const replies = readReplies(project.createSourceFile('command-replies.ts', files.commandReplies));
  const declarations = commandMethods(commands);
  const surface: ApiSurface = new Map();
  for (const [name, method] of readSurface(files.redisCommands)) {
    const own = declarations.filter((declaration) => declaration.getName() === name);
    const signatures = method.signatures.map((text) => canonicalSignature(unqualify(text)));
    const named = new Set(signatures.flatMap((text) => text.match(/\b\w+\b/g) ?? []));
    const pick = <T>(table: Map<string, T>): Record<string, T> =>
      Object.fromEntries([...named].flatMap((id) => (table.has(id) ? [[id, table.get(id)!]] : [])));
    surface.set(name, {
      name,
      command: commandName(own[0]),
      signatures,
      overloads: own.map(readOverload),
      options: pick(options),
      replies: pick(replies),
      tags: method.tags,
    });
  }
  return surface;
}

function readOverload(signature: MethodSignature): OverloadApi {
  return {
    params: signature.getParameters().map((param) => ({
      name: param.getName(),
      optional: param.hasQuestionToken(),
      type: typeText(param.getTypeNode()?.getText() ?? 'unknown'),
    })),
    returns: typeText(signature.getReturnTypeNode()?.getText() ?? 'void'),
  };
}

// The JSDoc opens with "`HEXPIRE` (hash)."; the backticked part is the command.
function commandName(signature: MethodSignature | undefined): string {
  const description = signature?.getJsDocs()[0]?.getDescription() ?? '';
  return /`([^`]+)`/.exec(description)?.[1] ?? '';
}

// Only the generator's own names: a bundled `.d.ts` declares many other types beside them.
function readOptions(file: SourceFile): Map<string, Record<string, OptionMemberApi>> {
  const table = new Map<string, Record<string, OptionMemberApi>>();
  for (const declaration of file.getInterfaces()) {
    if (!declaration.getName().endsWith('Options')) continue;
    const members: Record<string, OptionMemberApi> = {};
    for (const property of declaration.getProperties()) {
      members[property.getName()] = {
        optional: property.hasQuestionToken(),
        type: typeText(property.getTypeNode()?.getText() ?? 'unknown'),
      };
    }
    table.set(declaration.getName(), members);
  }
  return table;
}

function readReplies(file: SourceFile): Map<string, string> {
  const table = new Map<string, string>();
  for (const alias of file.getTypeAliases()) {
    if (!alias.getName().endsWith('Reply')) continue;
    table.set(alias.getName(), typeText(alias.getTypeNodeOrThrow().getText()));
  }
  return table;
}
