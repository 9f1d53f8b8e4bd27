/**
 * What a scan iterator yields and takes (`client.scanIterator()`, `hscanIterator()` …); the
 * methods themselves are generated, one per cursor command (`generated/scan-iterators.ts`).
 */

/** What a scan iterator takes besides its command's options. */
export interface ScanIteratorOptions {
  /**
   * Ends the iteration: the next page is not requested and the loop throws `AbortError`. A
   * page already requested is still read off the connection, so the connection stays in step.
   */
  signal?: AbortSignal;
}

/**
 * A whole scan: iterate it for the items, or its `batches()` for one array per page. Each
 * iteration starts again from cursor 0, so it can be walked more than once.
 *
 * @example
 * const keys = new Set<string>();
 * for await (const key of client.scanIterator({ match: 'session:*' })) keys.add(key);
 * for await (const page of client.scanIterator({ count: 1000 }).batches()) await client.unlink(page);
 */
export interface ScanIterator<TItem> extends AsyncIterable<TItem> {
  /** The pages' items as they come, one array per page; empty pages are skipped. */
  batches(): AsyncIterable<TItem[]>;
}

/**
 * The item type of a cursor command's page `[cursor, items[]]`: `string` for SCAN's keys,
 * `[member, number]` for ZSCAN. Taken from the command's own reply type, so an option that
 * narrows the reply (NOVALUES, NOSCORES) narrows the items the same way.
 */
export type ScanItem<TPage> = TPage extends readonly [unknown, readonly (infer TItem)[]]
  ? TItem
  : never;
