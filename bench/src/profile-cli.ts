/**
 * `pnpm --filter @redspec/bench run profile [seconds] [mode]`: profiles Redspec pipelines of
 * 1000 (read as `results`, or another mode of clients/redspec.ts such as `raw`) and prints the
 * top functions by self time; the profile stays in bench/.profiles/ for DevTools.
 */
import { startRedisServer } from '@redspec/test-utils';
import type { RedspecPipelineMode } from './clients/redspec.js';
import { PROFILE_FILE, profilePipeline } from './profile.js';
import { profileTable } from './report-profile.js';

const seconds = Number(process.argv[2] ?? 5);
const mode = (process.argv[3] ?? 'results') as RedspecPipelineMode;
const server = await startRedisServer();
try {
  const profile = await profilePipeline(server.url, seconds, mode);
  process.stdout.write(`${profile.pipelines} pipelines of 1000 (${mode}) in ${seconds} s\n\n`);
  process.stdout.write(`${profileTable(profile.top)}\n\nprofile: ${PROFILE_FILE}\n`);
} finally {
  await server.stop();
}
