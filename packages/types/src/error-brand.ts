/**
 * `instanceof` for Redspec's errors across copies of a package. An app that loads both the ESM
 * and the CommonJS build (a dependency requires what the app imports) gets two `ReplyError`
 * classes, and a plain `instanceof` fails across them. So every instance carries a registry-wide
 * mark (`Symbol.for`, the same in every copy), and a marked value is an instance of a class when
 * a class of that name is on its prototype chain. Same-copy checks take the native fast path.
 * Builds keep class names (`keepNames` in tsup.base.ts) for this.
 */
const REDSPEC_ERROR = Symbol.for('@redspec/error');

type ErrorClass = abstract new (...args: never[]) => unknown;

/** Marks an instance, so `instanceof RedspecError` holds for it even outside that class tree. */
export function markRedspecError(error: Error): void {
  Object.defineProperty(error, REDSPEC_ERROR, { value: true });
}

/** `value instanceof errorClass`, across package copies. */
export function brandedInstance(errorClass: ErrorClass, value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Function.prototype[Symbol.hasInstance].call(errorClass, value)) return true;
  if ((value as Record<symbol, unknown>)[REDSPEC_ERROR] !== true) return false;
  if (errorClass.name === 'RedspecError') return true;
  let prototype: unknown = Object.getPrototypeOf(value);
  while (prototype !== null && typeof prototype === 'object') {
    const constructor = (prototype as { constructor?: { name?: unknown } }).constructor;
    if (constructor?.name === errorClass.name) return true;
    prototype = Object.getPrototypeOf(prototype);
  }
  return false;
}
