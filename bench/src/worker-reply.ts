/** The one JSON line a worker prints. */
export type WorkerReply =
  | {
      readonly ok: true;
      /** Wall time of the timed iterations. */
      readonly ms: number;
      /** Redis commands in the timed iterations. */
      readonly ops: number;
      readonly opsPerSec: number;
      /**
       * CPU time (user + system, `process.cpuUsage()`) of the client's process per command, in
       * µs: steadier than wall time on a busy machine, since waiting for a core is not counted.
       */
      readonly cpuUsPerOp: number;
      /** Peak resident set of the client's process, startup included (`resourceUsage().maxRSS`). */
      readonly peakRssMb: number;
    }
  | { readonly ok: false; readonly error: string };
