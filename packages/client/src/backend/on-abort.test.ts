import { describe, expect, it } from 'vitest';
import { onAbort } from './on-abort.js';

describe('onAbort', () => {
  it('puts one listener on a signal however many callbacks wait on it', () => {
    const controller = new AbortController();
    let added = 0;
    const add = controller.signal.addEventListener.bind(controller.signal);
    controller.signal.addEventListener = ((...args: Parameters<typeof add>) => {
      added++;
      add(...args);
    }) as typeof add;
    const calls: number[] = [];
    const forgets = [...Array(50).keys()].map((i) =>
      onAbort(controller.signal, () => calls.push(i)),
    );
    forgets[3]!();
    controller.abort();
    expect(added).toBe(1);
    expect(calls).toHaveLength(49);
    expect(calls).not.toContain(3);
  });

  it('still calls back, once, for a signal already aborted', async () => {
    const calls: string[] = [];
    onAbort(AbortSignal.abort(), () => calls.push('late'));
    const forget = onAbort(AbortSignal.abort(), () => calls.push('forgotten'));
    forget();
    expect(calls).toEqual([]);
    await Promise.resolve();
    expect(calls).toEqual(['late']);
  });
});
