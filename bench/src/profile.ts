import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { RedspecPipelineMode } from './clients/redspec.js';
import { summarizeProfile, type ProfileEntry } from './profile-summary.js';
import { BENCH_DIR, lastJsonLine, runChild } from './run-child.js';

/** Where the last profile stays, for Chrome DevTools or speedscope (git ignores it). */
export const PROFILE_FILE = join(BENCH_DIR, '.profiles', 'pipeline-1000.cpuprofile');

/** The CPU profile of Redspec pipelines of 1000, summarized. */
export interface PipelineProfile {
  readonly seconds: number;
  readonly pipelines: number;
  readonly top: readonly ProfileEntry[];
}

/** Runs `profile-pipeline.ts` under `node --cpu-prof` against `url` and summarizes it. */
export async function profilePipeline(
  url: string,
  seconds: number,
  mode: RedspecPipelineMode = 'results',
): Promise<PipelineProfile> {
  const dir = join(BENCH_DIR, '.profiles', 'run');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const node = ['--cpu-prof', '--cpu-prof-dir', dir, '--import', 'tsx'];
  const args = [...node, 'src/profile-pipeline.ts', url, String(seconds), mode];
  const output = await runChild(process.execPath, args);
  if (output.code !== 0) throw new Error(`profiling failed: ${output.stderr.trim()}`);
  const file = (await readdir(dir)).find((name) => name.endsWith('.cpuprofile'));
  if (file === undefined) throw new Error('node --cpu-prof wrote no profile');
  await rename(join(dir, file), PROFILE_FILE);
  await rm(dir, { recursive: true, force: true });
  const { pipelines } = lastJsonLine(output.stdout) as { pipelines: number };
  return { seconds, pipelines, top: await summarizeProfile(PROFILE_FILE) };
}
