import type { SpecArgument } from '../model/spec-types.js';
import type { LoadedSource } from './load-source.js';

/** A source that nests a command's arguments differently from the release before it. */
export interface Reshape {
  command: string;
  /** The source that reshaped them. */
  source: string;
  /** The source of the same product before it, whose shape is kept. */
  previous: string;
}

// What reaches the wire, in order: tokens, value types and repetition; names, nesting and
// optionality left out. Two argument lists with equal words accept the same command lines
// (up to optionality), however they group them.
function wireWords(args: readonly SpecArgument[] = []): string[] {
  return args.flatMap((arg) => {
    const nests = arg.type === 'oneof' || arg.type === 'block';
    const head = [arg.token ?? '', nests ? '' : arg.type, arg.multiple ? '*' : ''].join(':');
    // A group without a token or repetition of its own sends nothing itself.
    const own = nests && head === '::' ? [] : [head];
    return [...own, ...(nests ? wireWords(arg.arguments) : [])];
  });
}

// How the arguments nest, without names (a rename is not a reshape: the merge follows renames)
// and without optionality (making an argument optional widens the surface; it is merged).
function nesting(args: readonly SpecArgument[] = []): string {
  return JSON.stringify(
    args.map((arg) => [arg.type, arg.token, arg.multiple === true, nesting(arg.arguments)]),
  );
}

const isReshape = (before: readonly SpecArgument[], after: readonly SpecArgument[]): boolean =>
  nesting(before) !== nesting(after) &&
  JSON.stringify(wireWords(before)) === JSON.stringify(wireWords(after));

/**
 * Walks each command through the sources of one product in merge order, calling `visit` with
 * the previous occurrence (as kept so far) and the current one; `visit` returns the arguments
 * the current occurrence continues with.
 */
function walkProducts(
  sources: readonly LoadedSource[],
  visit: (
    name: string,
    previous: { id: string; args: SpecArgument[] | undefined },
    current: { id: string; args: SpecArgument[] | undefined },
  ) => SpecArgument[] | undefined,
): LoadedSource[] {
  const last = new Map<string, { id: string; args: SpecArgument[] | undefined }>();
  return sources.map((source) => ({
    ...source,
    commands: source.commands.map((command) => {
      const key = `${source.info.product} ${command.name}`;
      const previous = last.get(key);
      const current = { id: source.info.id, args: command.arguments };
      const args = previous === undefined ? current.args : visit(command.name, previous, current);
      last.set(key, { id: source.info.id, args });
      return args === command.arguments ? command : { ...command, arguments: args };
    }),
  }));
}

/**
 * The reshapes that sources among `ids` bring, against the release of the same product before
 * each as kept so far: a release that repeats a kept reshape is found too, since it needs the
 * same decision recorded.
 */
export function findReshapes(
  sources: readonly LoadedSource[],
  ids: ReadonlySet<string>,
): Reshape[] {
  const found: Reshape[] = [];
  walkProducts(sources, (command, previous, current) => {
    if (ids.has(current.id) && isReshape(previous.args ?? [], current.args ?? [])) {
      found.push({ command, source: current.id, previous: previous.id });
    }
    return current.args;
  });
  return found;
}

/**
 * Applies the recorded decisions: a command a source lists in `keepShapes` takes the argument
 * tree of the previous release of its product, so a reshape that says the same on the wire
 * (Valkey's BITCOUNT nesting `end` and `unit` in a block, an upstream regrouping SHUTDOWN's
 * flags) does not break calls that compiled. A recorded command that is no longer a reshape
 * (its wire words changed) is an error: the decision no longer fits the spec.
 */
export function keepRecordedShapes(sources: readonly LoadedSource[]): LoadedSource[] {
  const kept = new Set(
    sources.flatMap((source) =>
      (source.info.keepShapes ?? []).map((c) => `${source.info.id} ${c}`),
    ),
  );
  const used = new Set<string>();
  const result = walkProducts(sources, (command, previous, current) => {
    const key = `${current.id} ${command}`;
    if (!kept.has(key)) return current.args;
    if (!isReshape(previous.args ?? [], current.args ?? [])) {
      throw new Error(
        `${current.id} keeps the shape of ${command} from ${previous.id} (specs/sources.json ` +
          `keepShapes), but its arguments now differ on the wire: remove it from keepShapes`,
      );
    }
    used.add(key);
    return previous.args;
  });
  const stale = [...kept].filter((key) => !used.has(key));
  if (stale.length > 0) {
    throw new Error(`keepShapes names commands those sources lack: ${stale.join(', ')}`);
  }
  return result;
}
