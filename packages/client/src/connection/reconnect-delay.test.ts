import { describe, expect, it } from 'vitest';
import { reconnectDelay } from './reconnect-delay.js';

const options = { baseDelayMs: 100, maxDelayMs: 1000, maxAttempts: Infinity };

describe('reconnectDelay', () => {
  it('doubles per attempt within the upper half of each step, up to the cap', () => {
    for (let i = 0; i < 200; i++) {
      for (const [attempt, ceiling] of [
        [1, 100],
        [2, 200],
        [3, 400],
        [4, 800],
        [5, 1000],
        [60, 1000],
      ]) {
        const delay = reconnectDelay(attempt!, options);
        expect(delay).toBeGreaterThanOrEqual(ceiling! / 2);
        expect(delay).toBeLessThanOrEqual(ceiling!);
      }
    }
  });
});
