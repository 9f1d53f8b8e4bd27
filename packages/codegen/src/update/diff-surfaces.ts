import type { ApiSurface, MethodApi } from './api-surface.js';
import { isBreaking } from './is-breaking.js';

/** A method as the diff names it: where it came from and what it looks like. */
export interface MethodEntry {
  method: string;
  command: string;
  since?: string;
  deprecated?: string;
  /** Signatures, then option fields, then reply aliases, one per line. */
  lines: string[];
}

/** A method on both sides whose types differ. */
export interface MethodChange {
  method: string;
  command: string;
  before: string[];
  after: string[];
  /** False when every call that compiled before still compiles and returns the same type. */
  breaking: boolean;
}

export interface Deprecation {
  method: string;
  command: string;
  note: string;
}

/** What a regeneration did to the public command surface. */
export interface ApiDiff {
  added: MethodEntry[];
  removed: MethodEntry[];
  changed: MethodChange[];
  deprecated: Deprecation[];
}

/** The API lines of a method, the text the diff shows. */
export function methodLines(api: MethodApi): string[] {
  const options = Object.entries(api.options).flatMap(([name, members]) =>
    Object.entries(members).map(
      ([key, member]) => `${name}.${key}${member.optional ? '?' : ''}: ${member.type}`,
    ),
  );
  const replies = Object.entries(api.replies).map(([name, text]) => `type ${name} = ${text}`);
  return [...api.signatures, ...options, ...replies];
}

function entry(api: MethodApi): MethodEntry {
  return {
    method: api.name,
    command: api.command,
    ...(api.tags.since !== undefined ? { since: api.tags.since } : {}),
    ...(api.tags.deprecated !== undefined ? { deprecated: api.tags.deprecated } : {}),
    lines: methodLines(api),
  };
}

const sameLines = (a: string[], b: string[]): boolean =>
  a.length === b.length && a.every((line, i) => line === b[i]);

/** Compares two generated surfaces (see `readApiSurface`); every list is sorted by method. */
export function diffSurfaces(before: ApiSurface, after: ApiSurface): ApiDiff {
  const diff: ApiDiff = { added: [], removed: [], changed: [], deprecated: [] };
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  for (const name of names) {
    const old = before.get(name);
    const now = after.get(name);
    if (old === undefined) diff.added.push(entry(now!));
    else if (now === undefined) diff.removed.push(entry(old));
    else {
      const [was, is] = [methodLines(old), methodLines(now)];
      if (!sameLines(was, is)) {
        diff.changed.push({
          method: name,
          command: now.command,
          before: was,
          after: is,
          breaking: isBreaking(old, now),
        });
      }
      if (now.tags.deprecated !== undefined && old.tags.deprecated === undefined) {
        diff.deprecated.push({ method: name, command: now.command, note: now.tags.deprecated });
      }
    }
  }
  return diff;
}

/** True when the diff holds nothing at all. */
export function isEmptyDiff(diff: ApiDiff): boolean {
  return (
    diff.added.length + diff.removed.length + diff.changed.length + diff.deprecated.length === 0
  );
}
