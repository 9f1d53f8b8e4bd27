// @redspec/pipeline: futures, pipelines, transactions and redpipe-style nesting. Clients reach
// the pipeline runtime through `@redspec/pipeline/internal`.
export { Future } from './future.js';
export type { FutureContext } from './future-context.js';
export type { FutureValues } from './future-values.js';
export { pipeline } from './pipeline.js';
export type { Pipeline } from './pipeline.js';
export type { OnExecuteOptions, PipelineControl } from './pipeline-control.js';
export type { NestedPipelineOptions, PipelineOptions } from './pipeline-options.js';
export type { PipelineCallback } from './run-pipeline.js';
export type { TransactionOptions } from './run-transaction.js';
export { registerClient, unregisterClient } from './client-registry.js';
export type { ExcludedCommand } from './command-guard.js';
export {
  ClientRegistryError,
  CommandNotAllowedError,
  PipelineDiscardedError,
  PipelineError,
  PipelineNotExecutedError,
  PipelineStateError,
  ResultNotReadyError,
  WatchError,
} from './errors.js';
