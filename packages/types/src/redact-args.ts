import type { RedisArgument } from './resp-values.js';

const REDACTED = '<redacted>';

const upper = (arg: RedisArgument | undefined): string =>
  typeof arg === 'string'
    ? arg.toUpperCase()
    : Buffer.isBuffer(arg)
      ? arg.toString().toUpperCase()
      : '';

/** CONFIG SET parameters whose values are secrets. */
const secretParameters = new Set([
  'MASTERAUTH',
  'REQUIREPASS',
  'TLS-KEY-FILE-PASS',
  'TLS-CLIENT-KEY-FILE-PASS',
]);

/** Positions of secrets after a token: AUTH <password> or AUTH <user> <password>, AUTH2 … */
function afterToken(
  args: readonly RedisArgument[],
  from: number,
  tokens: Record<string, number>,
  out: Set<number>,
): void {
  for (let i = from; i < args.length; i++) {
    const count = tokens[upper(args[i])];
    if (count === undefined) continue;
    for (let k = 1; k <= count && i + k < args.length; k++) out.add(i + k);
    i += count;
  }
}

/** Which arguments of a command are secrets, by where each command takes them. */
function secretPositions(args: readonly RedisArgument[]): Set<number> {
  const out = new Set<number>();
  const first = upper(args[0]);
  const second = upper(args[1]);
  if (first === 'AUTH') for (let i = 1; i < args.length; i++) out.add(i);
  else if (first === 'HELLO') afterToken(args, 2, { AUTH: 2 }, out);
  else if (first === 'MIGRATE') afterToken(args, 6, { AUTH: 1, AUTH2: 2 }, out);
  // ACL rules carry passwords and their hashes (`>secret`, `#hash`): none is shown.
  else if (first === 'ACL' && second === 'SETUSER')
    for (let i = 3; i < args.length; i++) out.add(i);
  else if (first === 'CONFIG' && second === 'SET') {
    for (let i = 2; i + 1 < args.length; i += 2)
      if (secretParameters.has(upper(args[i]))) out.add(i + 1);
  }
  return out;
}

/**
 * The command's arguments with passwords replaced by `<redacted>`, for anything a user may log:
 * error messages, `ReplyError.args`, traces. Returns `args` itself when nothing is secret.
 *
 * @example
 * redactArgs(['AUTH', 'app', 's3cret']); // ['AUTH', '<redacted>', '<redacted>']
 */
export function redactArgs(args: readonly RedisArgument[]): readonly RedisArgument[] {
  const first = upper(args[0]);
  if (
    first !== 'AUTH' &&
    first !== 'HELLO' &&
    first !== 'MIGRATE' &&
    first !== 'ACL' &&
    first !== 'CONFIG'
  ) {
    return args;
  }
  const secrets = secretPositions(args);
  return secrets.size === 0 ? args : args.map((arg, i) => (secrets.has(i) ? REDACTED : arg));
}
