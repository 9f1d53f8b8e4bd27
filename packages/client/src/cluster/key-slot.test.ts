import { describe, expect, it } from 'vitest';
import { keySlot } from './key-slot.js';

describe('keySlot', () => {
  it('matches the slots Redis reports (CLUSTER KEYSLOT)', () => {
    expect(keySlot('foo')).toBe(12182);
    expect(keySlot('')).toBe(0);
    expect(keySlot(Buffer.from('foo'))).toBe(12182);
    expect(keySlot(123)).toBe(keySlot('123'));
  });

  it('hashes only a non-empty {hashtag}', () => {
    expect(keySlot('user:{42}:name')).toBe(keySlot('42'));
    expect(keySlot('{}x')).not.toBe(keySlot(''));
    expect(keySlot('a{b}{c}')).toBe(keySlot('b'));
  });
});
