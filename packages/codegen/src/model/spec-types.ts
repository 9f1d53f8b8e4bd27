/**
 * The shape of our normalized spec in `specs/commands/*.json`: facts from the upstream command
 * JSON (no summaries, descriptions or history prose), merged across every imported source.
 */

/** One imported upstream folder, recorded in `specs/sources.json`. */
export interface SpecSource {
  /** Folder-derived id, e.g. `redis-7.4.1`, `valkey-8.1-dev`. */
  id: string;
  product: 'redis' | 'valkey';
  /** e.g. `7.4.1`, `8.0-dev`. */
  version: string;
  /** SPDX-ish license label, from the provenance note when present. */
  license?: string;
  repository?: string;
  ref?: string;
  /** How many upstream files were read. */
  files: number;
}

export type SpecArgumentType =
  | 'string'
  | 'integer'
  | 'double'
  | 'key'
  | 'pattern'
  | 'unix-time'
  | 'pure-token'
  | 'oneof'
  | 'block';

export interface SpecArgument {
  name: string;
  type: SpecArgumentType;
  token?: string;
  optional?: true;
  multiple?: true;
  multipleToken?: true;
  since?: string;
  deprecatedSince?: string;
  keySpecIndex?: number;
  /** Upstream `display` (e.g. `ip:port`): a placeholder name, not prose. */
  display?: string;
  arguments?: SpecArgument[];
  /** Present only when fewer sources have the argument than have its command. */
  sources?: string[];
  /** Set by the overlay only (never in specs/): the TypeScript type of the value. */
  tsType?: string;
  /** Set by the overlay only: the argument's key in its options object. */
  optionKey?: string;
}

export interface SpecKeySpec {
  flags: string[];
  beginSearch: { index: number } | { keyword: string; startFrom: number } | { unknown: true };
  findKeys:
    | { range: { lastKey: number; step: number; limit: number } }
    | { keynum: { keyNumIdx: number; firstKey: number; step: number } }
    | { unknown: true };
}

/** A JSON-schema node with every `description` removed. */
export type ReplySchema = boolean | { [keyword: string]: unknown };

export interface SpecCommand {
  /** `GET`, or container + subcommand: `CLIENT KILL`. */
  name: string;
  container?: string;
  group: string;
  since: string;
  /** Set when the Valkey lineage introduced the command at another version than `since`. */
  valkeySince?: string;
  arity: number;
  flags: string[];
  docFlags?: string[];
  aclCategories?: string[];
  deprecatedSince?: string;
  replacedBy?: string;
  tips?: string[];
  keySpecs?: SpecKeySpec[];
  arguments?: SpecArgument[];
  reply?: ReplySchema;
  /** Ids of the sources that have the command, in import order. */
  sources: string[];
}

/** One piece of upstream prose and the source it was taken from. */
export interface DocText<TText = string> {
  text: TText;
  /** A source id from `specs/sources.json` whose license allows the prose (BSD-3-Clause). */
  source: string;
}

/**
 * The prose of one command in `specs/docs/*.json`, kept apart from the facts of
 * `specs/commands/`: upstream's summary, time complexity and reply descriptions, each taken
 * from a BSD-licensed source and naming it (the NOTICE file at the repository root attributes
 * them). Upstream has no argument prose; parameter docs are written from the facts.
 */
export interface CommandDocs {
  name: string;
  summary?: DocText;
  complexity?: DocText;
  /** The reply's `description`s, top level first, then each alternative's. */
  replies?: DocText<string[]>;
}
