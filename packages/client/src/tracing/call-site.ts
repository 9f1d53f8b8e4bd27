/** Marks where the caller's frames start in an annotated stack. */
const MARKER = '    --- called from ---';

/**
 * This package's frames, dropped from the call site: the caller's own frames are what the stack
 * is for, and Error.stackTraceLimit would cut them. Read from this file's own frame, up to its
 * `dist/` (built, ESM or CJS) or `src/` (tests), in the form stacks print it.
 */
const ownFrames = ((): string => {
  const holder: { stack?: string } = {};
  Error.captureStackTrace(holder);
  const frame = holder.stack?.split('\n')[1] ?? '';
  const file = /\((.+):\d+:\d+\)$/.exec(frame)?.[1] ?? /at (.+):\d+:\d+$/.exec(frame)?.[1] ?? '';
  const root = Math.max(file.lastIndexOf('/dist/'), file.lastIndexOf('/src/'));
  // Unknown layout: drop nothing rather than everything.
  return root === -1 ? '\u0000' : file.slice(0, file.indexOf('/', root + 1) + 1);
})();

/** Frames captured on top of the default 10, for the ones of this package that are dropped. */
const EXTRA_FRAMES = 8;

/**
 * Where a command was called, captured when it is sent and written into its error's stack if it
 * fails (`captureCallSite`). The frames are only formatted when an error needs them: capturing
 * is the whole cost of a command that succeeds.
 */
export class CallSite {
  private readonly holder: { stack?: string } = {};

  constructor() {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = limit + EXTRA_FRAMES;
    Error.captureStackTrace(this.holder, CallSite);
    Error.stackTraceLimit = limit;
  }

  /**
   * Appends the caller's frames to `error`'s stack, once: an error shared by several commands
   * keeps the first caller's.
   */
  annotate(error: unknown): void {
    if (!(error instanceof Error) || error.stack === undefined || error.stack.includes(MARKER))
      return;
    const frames = (this.holder.stack ?? '')
      .split('\n')
      .slice(1)
      .filter((line) => !line.includes(ownFrames));
    error.stack = `${error.stack}\n${MARKER}\n${frames.join('\n')}`;
  }

  /** Annotates the errors held in place by a batch's replies (or EXEC's). */
  annotateAll(replies: unknown): void {
    if (replies instanceof Error) this.annotate(replies);
    else if (Array.isArray(replies)) for (const reply of replies) this.annotate(reply);
  }
}
