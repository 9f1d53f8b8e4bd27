import { Product } from './command-spec.js';
import type { ServerInfo } from './command-channel.js';

const parsed = new Map<string, number[]>();

function parts(version: string): number[] {
  let cached = parsed.get(version);
  if (cached === undefined) {
    cached = version.split(/[.-]/).map((part) => Number.parseInt(part, 10) || 0);
    parsed.set(version, cached);
  }
  return cached;
}

/** Numeric comparison of dotted versions: `7.0.15` < `7.2.0`. */
export function compareVersions(a: string, b: string): number {
  const left = parts(a);
  const right = parts(b);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** The product bit of a server, for `CommandSpec.products` and `ArgSpec.products`. */
export const productBit = (server: ServerInfo): number =>
  server.product === 'valkey' ? Product.VALKEY : Product.REDIS;
