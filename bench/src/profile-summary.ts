import { readFile } from 'node:fs/promises';

/** One function's share of a CPU profile. */
export interface ProfileEntry {
  readonly functionName: string;
  /** Script path, shortened to the package (`ioredis/built/...`, `packages/client/dist/...`). */
  readonly location: string;
  readonly selfMs: number;
  /** Self time over the profile's non-idle time. */
  readonly share: number;
}

/** The parts of a V8 `.cpuprofile` the summary reads. */
interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { functionName: string; url: string; lineNumber: number };
  }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

function shorten(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const inModules = path.lastIndexOf('/node_modules/');
  if (inModules >= 0) return path.slice(inModules + '/node_modules/'.length);
  const inRepo = /\/(packages|bench)\//.exec(path);
  return inRepo ? path.slice(inRepo.index + 1) : path;
}

/**
 * Microseconds of self time per profile node: each sample lasts until the next one. Samples in
 * the first `skipMs` (start-up: module loading, compiling) are left out.
 */
function selfTimes(profile: CpuProfile, skipMs: number): Map<number, number> {
  const times = new Map<number, number>();
  const { samples, timeDeltas } = profile;
  let elapsedUs = 0;
  for (let i = 0; i < samples.length; i++) {
    elapsedUs += timeDeltas[i] ?? 0;
    if (elapsedUs < skipMs * 1000) continue;
    const id = samples[i] ?? -1;
    times.set(id, (times.get(id) ?? 0) + (timeDeltas[i + 1] ?? 0));
  }
  return times;
}

/** The `top` functions of a `.cpuprofile` by self time, `(idle)` left out. */
export async function summarizeProfile(
  path: string,
  top = 15,
  skipMs = 0,
): Promise<ProfileEntry[]> {
  const profile = JSON.parse(await readFile(path, 'utf8')) as CpuProfile;
  const times = selfTimes(profile, skipMs);
  const byFunction = new Map<string, { functionName: string; location: string; us: number }>();
  for (const { id, callFrame } of profile.nodes) {
    if (callFrame.functionName === '(idle)') continue;
    const location = callFrame.url ? `${shorten(callFrame.url)}:${callFrame.lineNumber + 1}` : '';
    const key = `${callFrame.functionName}@${location}`;
    const entry = byFunction.get(key) ?? { functionName: callFrame.functionName, location, us: 0 };
    entry.us += times.get(id) ?? 0;
    byFunction.set(key, entry);
  }
  const entries = [...byFunction.values()];
  const busyUs = entries.reduce((sum, entry) => sum + entry.us, 0);
  return entries
    .sort((a, b) => b.us - a.us)
    .slice(0, top)
    .map(({ functionName, location, us }) => ({
      functionName: functionName || '(anonymous)',
      location,
      selfMs: us / 1000,
      share: busyUs > 0 ? us / busyUs : 0,
    }));
}
