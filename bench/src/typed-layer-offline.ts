/**
 * `pnpm --filter @redspec/bench run typed-layer:offline`: the typed layer's own CPU cost per
 * command, with no socket: a channel that answers every batch at once. What remains is what
 * the pipeline adds (method call, argument encoding to words, futures, settling) over building
 * prepared commands by hand, i.e. the part issue 17 targets, free of network and server noise.
 */
import { openPipeline } from '@redspec/pipeline/internal';
import {
  commandChannel,
  type BatchReplies,
  type CommandBatch,
  type CommandChannel,
  type PreparedCommand,
  type RespValue,
} from '@redspec/types/internal';
import { unshaped, wire } from './clients/redspec.js';
import { spread } from './stats.js';
import { mixedCommands } from './workloads/workload.js';

// `OFFLINE_SIZE=100` measures pipelines of 100, where per-pipeline costs weigh ten times more.
const SIZE = Number(process.env['OFFLINE_SIZE'] ?? 1_000);
const PER_REP = 200_000 / SIZE;
const REPS = 25;

/** Answers as Redis would, one reply per command, without leaving the process. */
const channel: CommandChannel = {
  server: { product: 'redis', version: '7.0.15', protocol: 3 },
  ready: () => Promise.resolve({ product: 'redis', version: '7.0.15', protocol: 3 }),
  sendBatch(batch: CommandBatch): Promise<BatchReplies> {
    const replies: RespValue[] = new Array<RespValue>(batch.commands.length);
    for (let i = 0; i < replies.length; i++) {
      const name = batch.commands[i]!.name;
      replies[i] = name === 'INCR' ? 1 : name === 'GET' ? 'value' : 'OK';
    }
    return Promise.resolve({ replies });
  },
  lease: () => Promise.reject(new Error('not supported offline')),
};
const owner = { [commandChannel]: channel };
const commands = mixedCommands(SIZE);

async function typed(): Promise<void> {
  const pipe = openPipeline(owner);
  for (const command of commands) {
    if (command[0] === 'set') pipe.set(command[1], command[2]);
    else if (command[0] === 'get') pipe.get(command[1]);
    else pipe.incr(command[1]);
  }
  await pipe.execute();
}

async function raw(): Promise<void> {
  const prepared: PreparedCommand[] = [];
  for (const command of commands) prepared.push(unshaped(wire(command)));
  await channel.sendBatch({ commands: prepared, transaction: false });
}

const modes = { raw, typed } as const;

// `OFFLINE_ONLY=typed OFFLINE_PIPELINES=n`: run one mode n times and exit, for instruction
// counts under `valgrind --tool=callgrind` (two values of n; the difference over the extra
// commands is the cost per command, start-up cancelled out).
const only = process.env['OFFLINE_ONLY'] as keyof typeof modes | undefined;
if (only !== undefined) {
  const pipelines = Number(process.env['OFFLINE_PIPELINES'] ?? 100);
  for (let k = 0; k < pipelines; k++) await modes[only]();
  process.exit(0);
}
const samples = { raw: [] as number[], typed: [] as number[] };
for (let rep = 0; rep < REPS; rep++) {
  for (const [name, run] of Object.entries(modes) as [keyof typeof modes, () => Promise<void>][]) {
    const cpu = process.cpuUsage();
    for (let k = 0; k < PER_REP; k++) await run();
    const used = process.cpuUsage(cpu);
    if (rep > 2) samples[name].push(((used.user + used.system) * 1000) / (PER_REP * SIZE));
  }
}
// Rep by rep, so a slow moment of the machine slows both sides of the difference.
const added = spread(samples.typed.map((typed, i) => typed - samples.raw[i]!)).median;
process.stdout.write(
  `typed layer adds ${added.toFixed(0)} ns/command (median of per-rep differences)\n`,
);
for (const name of Object.keys(modes) as (keyof typeof modes)[]) {
  const { median, min, max } = spread(samples[name]);
  process.stdout.write(
    `${name.padEnd(6)} CPU ${median.toFixed(0)} ns/command (${min.toFixed(0)}–${max.toFixed(0)})\n`,
  );
}
