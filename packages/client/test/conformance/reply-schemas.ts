import { readFileSync, readdirSync } from 'node:fs';
import { inspect } from 'node:util';
import { Ajv, type ValidateFunction } from 'ajv';
import type { CommandSpec } from '@redspec/types';

/** A reply schema as the specs write it: JSON schema without descriptions. */
type Schema = Record<string, unknown> | boolean;

/** An overload's condition, as `specs/overlay` writes it (see codegen's overlay-types.ts). */
interface OverloadCondition {
  option?: string;
  param?: string;
  equals?: string | number | boolean;
  absent?: true;
  has?: string;
}

/** The parts of a `specs/overlay/*.json` entry that decide a reply's schema. */
interface OverlayEntry {
  reply?: Schema;
  overloads?: { when: OverloadCondition | OverloadCondition[]; reply: Schema }[];
}

const specDir = new URL('../../../../specs/', import.meta.url);

const readJson = (url: URL): unknown => JSON.parse(readFileSync(url, 'utf8'));

/** `CLIENT LIST` → `specs/commands/client-list.json`. */
const specFile = (name: string): URL =>
  new URL(`commands/${name.toLowerCase().replaceAll(' ', '-')}.json`, specDir);

/** Every overlay file merged by command name, later fields joining earlier ones. */
function loadOverlay(): Map<string, OverlayEntry> {
  const folder = new URL('overlay/', specDir);
  const merged = new Map<string, OverlayEntry>();
  for (const file of readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const entries = readJson(new URL(file, folder)) as Record<string, OverlayEntry>;
    for (const [command, entry] of Object.entries(entries)) {
      merged.set(command, { ...merged.get(command), ...entry });
    }
  }
  return merged;
}

const camelCase = (name: string): string =>
  name.replace(/[-_ ]+(\w)/g, (_match, letter: string) => letter.toUpperCase());

/** `options.withscores` reads a nested option, as the client's variant selection does. */
function readOption(options: unknown, path: string): unknown {
  let value = options;
  for (const key of path.split('.')) {
    value = typeof value === 'object' && value !== null ? (value as never)[key] : undefined;
  }
  return value;
}

/** The value a condition tests: a positional parameter, or an option (by dotted path). */
function conditionValue(
  condition: OverloadCondition,
  spec: CommandSpec,
  params: readonly unknown[],
): unknown {
  if (condition.param === undefined) return readOption(params[spec.params], condition.option!);
  const arg = spec.args.find(
    (a) => a.param !== undefined && [a.name, camelCase(a.name)].includes(condition.param!),
  );
  if (arg === undefined) throw new Error(`overlay for ${spec.name}: no param ${condition.param}`);
  return params[arg.param!];
}

function holds(
  condition: OverloadCondition,
  spec: CommandSpec,
  params: readonly unknown[],
): boolean {
  const value = conditionValue(condition, spec, params);
  if (condition.absent === true) return value === undefined || value === false;
  if (condition.has !== undefined) {
    return typeof value === 'object' && value !== null && condition.has in value;
  }
  if (condition.equals !== undefined) return value === condition.equals;
  return value !== undefined && value !== false;
}

/** The schema a call's reply must match, and where it came from (for failure messages). */
export interface ChosenSchema {
  readonly source: string;
  readonly validate: ValidateFunction;
}

/**
 * Reply schemas from `specs/commands` with `specs/overlay` applied: an overlay `reply` replaces
 * the spec's, and the first overload whose conditions all hold for the call's parameters wins.
 */
export class ReplySchemas {
  // strictNumbers off: RESP3 doubles include inf and -inf, which are numbers to the schemas.
  private readonly ajv = new Ajv({ strict: false, strictNumbers: false, allErrors: true });
  private readonly overlay = loadOverlay();
  private readonly compiled = new Map<string, ValidateFunction>();

  /** The schema for one call of `spec` with these parameters; undefined when the spec has none. */
  choose(spec: CommandSpec, params: readonly unknown[]): ChosenSchema | undefined {
    const entry = this.overlay.get(spec.name);
    const overloads = entry?.overloads ?? [];
    const index = overloads.findIndex((overload) =>
      [overload.when].flat().every((condition) => holds(condition, spec, params)),
    );
    if (index !== -1) {
      return this.compile(
        `overlay ${spec.name} overloads[${index}]`,
        () => overloads[index]!.reply,
      );
    }
    if (entry?.reply !== undefined) {
      return this.compile(`overlay ${spec.name} reply`, () => entry.reply);
    }
    return this.compile(`specs ${spec.name}`, () => {
      return (readJson(specFile(spec.name)) as { reply?: Schema }).reply;
    });
  }

  private compile(source: string, read: () => Schema | undefined): ChosenSchema | undefined {
    let validate = this.compiled.get(source);
    if (validate === undefined) {
      const schema = read();
      if (schema === undefined) return undefined;
      validate = this.ajv.compile(schema);
      this.compiled.set(source, validate);
    }
    return { source, validate };
  }

  /** Why the last validation failed, with the reply, for an assertion message. */
  explain(chosen: ChosenSchema, reply: unknown): string {
    const errors = this.ajv.errorsText(chosen.validate.errors, { separator: '\n  ' });
    return `reply does not match ${chosen.source}:\n  ${errors}\nreply: ${inspect(reply, { depth: 8 })}`;
  }
}
