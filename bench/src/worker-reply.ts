/** The one JSON line a worker prints. */
export type WorkerReply =
  | {
      readonly ok: true;
      /** Wall time of the timed iterations. */
      readonly ms: number;
      /** Redis commands in the timed iterations. */
      readonly ops: number;
      readonly opsPerSec: number;
    }
  | { readonly ok: false; readonly error: string };
