// @redspec/pipeline/internal: what clients and clusters call to open pipelines on themselves.
// For Redspec's own packages; not a public API.
export * from './index.js';
export { openPipeline, runPipeline } from './run-pipeline.js';
export { runTransaction } from './run-transaction.js';
