/**
 * Whether `value` is an object literal (or `Object.create(null)`): the shape of an options
 * object and of a decoded RESP3 map. Arrays, Buffers, Maps, Sets, Dates, Promises and errors
 * are not, so passing one where options go is an error rather than silently ignored.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Sets `target[key]`. Plain assignment of `__proto__` would replace the object's prototype,
 * letting a hostile reply plant inherited properties; defining it keeps it an ordinary field.
 */
export function setField(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}
