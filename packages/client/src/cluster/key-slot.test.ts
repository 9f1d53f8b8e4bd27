import { describe, expect, it } from 'vitest';
import { keySlot } from './key-slot.js';

describe('keySlot', () => {
  it('matches the slots Redis reports (CLUSTER KEYSLOT)', () => {
    expect(keySlot('foo')).toBe(12182);
    expect(keySlot('123456789')).toBe(0x31c3 & 0x3fff); // CRC16-XMODEM's check value
    expect(keySlot('')).toBe(0);
    expect(keySlot(Buffer.from('foo'))).toBe(12182);
    expect(keySlot(123)).toBe(keySlot('123'));
  });

  it('hashes only a non-empty {hashtag}', () => {
    expect(keySlot('user:{42}:name')).toBe(keySlot('42'));
    expect(keySlot('{}x')).not.toBe(keySlot(''));
    expect(keySlot('a{b}{c}')).toBe(keySlot('b'));
    // An empty tag hashes the whole key, even when a later '}' closes something.
    expect(keySlot('a{}b}')).toBe(keySlot(Buffer.from('a{}b}')));
    expect(keySlot('{')).toBe(keySlot(Buffer.from('{')));
  });

  it('gives a string and its UTF-8 bytes the same slot, ASCII or not', () => {
    for (const key of ['é', 'user:{é}:1', '{ключ}x', '😀{a}', 'x{😀}', 'naïve']) {
      expect(keySlot(key)).toBe(keySlot(Buffer.from(key)));
    }
  });
});
