/**
 * The parts of upstream `src/commands/*.json` that the importer reads. Everything else there
 * (summary, complexity, history, function names, notes) is prose or C wiring, so it is not typed
 * and never reaches our spec.
 */

/** One upstream file: `{ "<NAME>": UpstreamCommand }`. */
export type UpstreamFile = Record<string, UpstreamCommand>;

export interface UpstreamCommand {
  group: string;
  since: string;
  arity: number;
  container?: string;
  command_flags?: string[];
  doc_flags?: string[];
  acl_categories?: string[];
  deprecated_since?: string;
  replaced_by?: string;
  command_tips?: string[];
  key_specs?: UpstreamKeySpec[];
  arguments?: UpstreamArgument[];
  reply_schema?: unknown;
}

export interface UpstreamArgument {
  name: string;
  type: string;
  token?: string;
  optional?: boolean;
  multiple?: boolean;
  multiple_token?: boolean;
  since?: string;
  deprecated_since?: string;
  key_spec_index?: number;
  display?: string;
  arguments?: UpstreamArgument[];
}

export interface UpstreamKeySpec {
  flags?: string[];
  begin_search: {
    index?: { pos: number };
    keyword?: { keyword: string; startfrom: number };
    // Upstream writes `"unknown": null`, so only the key's presence matters.
    unknown?: null;
  };
  find_keys: {
    range?: { lastkey: number; step: number; limit: number };
    keynum?: { keynumidx: number; firstkey: number; step: number };
    unknown?: null;
  };
}
