import type { RedisArgument, ScanIterator } from '@redspec/types';
import { AbortError } from '../errors.js';

/** One page of a cursor command: `[next cursor, items]`. */
export type ScanPage = readonly [RedisArgument, readonly unknown[]];

/** Requests the page at `cursor` on one server. */
export type PageFetcher = (cursor: RedisArgument) => Promise<ScanPage>;

/**
 * A whole scan over one or more cursors (a cluster's SCAN has one per primary), each walked
 * from 0 until the server gives 0 back. `cursors` is called at the start of every iteration,
 * so each `for await` starts afresh (and a cluster walks the primaries it has then).
 */
export class CursorScan<TItem> implements ScanIterator<TItem> {
  constructor(
    private readonly command: string,
    private readonly cursors: () => Promise<readonly PageFetcher[]>,
    private readonly signal: AbortSignal | undefined,
  ) {}

  async *batches(): AsyncGenerator<TItem[], void, undefined> {
    for (const fetchPage of await this.cursors()) {
      let cursor: RedisArgument = '0';
      do {
        // Checked between pages too: a page that came back before the abort is not followed.
        this.throwIfAborted();
        const [next, items] = await fetchPage(cursor);
        cursor = next;
        if (items.length > 0) yield items as TItem[];
        // In binary mode the cursor is a Buffer: compare its text.
      } while (String(cursor) !== '0');
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<TItem, void, undefined> {
    for await (const page of this.batches()) {
      for (const item of page) {
        yield item;
        // An abort stops the items of a page already fetched as well.
        this.throwIfAborted();
      }
    }
  }

  private throwIfAborted(): void {
    const signal = this.signal;
    if (signal?.aborted === true) throw new AbortError(this.command, signal.reason, false);
  }
}
