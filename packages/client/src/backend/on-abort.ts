/** The callbacks waiting on each signal, behind the one listener this module adds to it. */
const waiting = new WeakMap<AbortSignal, Set<() => void>>();

/**
 * Runs `callback` once when `signal` aborts; returns what unregisters it. However many commands
 * share one signal (a request's signal over `Promise.all` of 50 GETs), the signal gets a
 * single listener: Node warns past 10 listeners on an `AbortSignal`, which would blame the app.
 */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  // Aborted already (while the caller awaited something): the event will not come again.
  if (signal.aborted) {
    let live = true;
    queueMicrotask(() => live && callback());
    return () => void (live = false);
  }
  let callbacks = waiting.get(signal);
  if (callbacks === undefined) {
    const set = new Set<() => void>();
    callbacks = set;
    waiting.set(signal, set);
    signal.addEventListener(
      'abort',
      () => {
        waiting.delete(signal);
        for (const each of set) each();
      },
      { once: true },
    );
  }
  callbacks.add(callback);
  return () => void callbacks.delete(callback);
}
