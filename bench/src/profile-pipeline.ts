/**
 * The profiled program: Redspec pipelines of 1000 mixed commands, back to back, for a few
 * seconds. `node --cpu-prof --import tsx src/profile-pipeline.ts [url] [seconds] [mode]`: without
 * a URL (or with `-`) it starts its own redis-server; `mode` is how the pipelines are read
 * (`results` by default, `raw` for `client.sendBatch`, see clients/redspec.ts).
 */
import { startRedisServer } from '@redspec/test-utils';
import { createRedspecAdapter, type RedspecPipelineMode } from './clients/redspec.js';
import { mixedPipeline } from './workloads/mixed-pipeline.js';

const [urlArg = '-', secondsArg = '4', mode = 'results'] = process.argv.slice(2);
const server = urlArg === '-' ? await startRedisServer() : undefined;
const url = server?.url ?? urlArg;
const adapter = await createRedspecAdapter(url, mode as RedspecPipelineMode);
const workload = mixedPipeline(1_000, 1);
const deadline = performance.now() + Number(secondsArg) * 1000;
let pipelines = 0;
while (performance.now() < deadline) {
  await workload.run(adapter);
  pipelines++;
}
await adapter.close();
await server?.stop();
process.stdout.write(`${JSON.stringify({ pipelines, seconds: Number(secondsArg) })}\n`);
