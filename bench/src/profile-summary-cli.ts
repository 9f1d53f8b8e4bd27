/**
 * `pnpm --filter @redspec/bench run profile:summary <file.cpuprofile> [top] [skipMs]`: the top
 * functions of any CPU profile by self time, as the markdown table bench/results/ keeps; samples
 * of the first `skipMs` (start-up) left out. Profile one
 * workload of one client with the worker, e.g.:
 * `node --cpu-prof --cpu-prof-dir .profiles/x --import tsx src/worker.ts sequential-incr redspec '{"kind":"standalone","url":"redis://127.0.0.1:6379"}' 1`
 */
import { summarizeProfile } from './profile-summary.js';
import { profileTable } from './report-profile.js';

const [file, top = '20', skipMs = '0'] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: profile:summary <file.cpuprofile> [top] [skipMs]');
const entries = await summarizeProfile(file, Number(top), Number(skipMs));
process.stdout.write(`${profileTable(entries)}\n`);
