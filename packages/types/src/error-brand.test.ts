import { describe, expect, it } from 'vitest';
import { brandedInstance, markRedspecError } from './error-brand.js';
import { CommandArgumentError, RedspecError, ReplyError, WrongTypeError } from './errors.js';

/** A second copy of the classes, as a CommonJS build loaded beside the ESM one would give. */
function otherCopy() {
  class RedspecError extends Error {
    constructor(message: string) {
      super(message);
      markRedspecError(this);
    }
  }
  class ReplyError extends RedspecError {}
  class WrongTypeError extends ReplyError {}
  return { RedspecError, ReplyError, WrongTypeError };
}

describe('error brands', () => {
  it('hold across copies of the classes', () => {
    const foreign = new (otherCopy().WrongTypeError)('WRONGTYPE x');
    expect(foreign instanceof WrongTypeError).toBe(true);
    expect(foreign instanceof ReplyError).toBe(true);
    expect(foreign instanceof RedspecError).toBe(true);
    expect(foreign instanceof CommandArgumentError).toBe(false);
  });

  it('count CommandArgumentError as a RedspecError and a TypeError', () => {
    const error = new CommandArgumentError('GET', 'key', 'is required');
    expect(error instanceof RedspecError).toBe(true);
    expect(error instanceof TypeError).toBe(true);
    expect(error instanceof ReplyError).toBe(false);
  });

  it('refuse unmarked look-alikes', () => {
    class ReplyError extends Error {}
    expect(brandedInstance(RedspecError, new ReplyError('x'))).toBe(false);
    expect(new ReplyError('x') instanceof RedspecError).toBe(false);
    expect(new Error('x') instanceof RedspecError).toBe(false);
  });
});
