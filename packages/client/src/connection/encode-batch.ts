import {
  isWireArgument,
  PlainCommand,
  type CommandBatch,
  type PreparedCommand,
  type RedisArgument,
} from '@redspec/types/internal';
import type { RespEncoder } from '../resp/resp-encoder.js';

const MULTI: readonly RedisArgument[] = ['MULTI'];
const EXEC: readonly RedisArgument[] = ['EXEC'];

/**
 * A big batch leaves in parts while it is still being encoded, so the server starts on its first
 * commands instead of waiting for the last one to be encoded: the first part once this many
 * bytes are ready (about 90 short commands), later parts every `PART_BYTES`. Pipelines of 1000
 * mixed commands: 1.15× the commands/s (0.84–1.43, 9 interleaved rounds of `pnpm --filter
 * @redspec/bench run compare`), client CPU per command 1.06× (0.95–1.17); pipelines of 100 do
 * not change. A first part of 16 KB gained less (the server waits longer); parts of 1–2 KB cost
 * CPU (more writes, and more reads of smaller replies). bench/results/issue-17-notes.md.
 */
export const FIRST_PART_BYTES = 4096;
/** Redis reads a client's socket 16 KB at a time (PROTO_IOBUF_LEN). */
export const PART_BYTES = 16_384;

/**
 * Encodes `batch` (framed in MULTI … EXEC when it is a transaction) after whatever `encoder`
 * already holds, handing parts to `send` as described above. A batch goes in parts only when
 * at least as many commands remain as were encoded (a pipeline of 100, about 5 KB, gained
 * nothing from a second write and paid for it) and when every remaining argument is one the
 * encoder accepts: once a part is out, nothing may fail. On an invalid argument nothing of the
 * batch is kept and the encoder's error is thrown.
 */
export function encodeBatch(
  encoder: RespEncoder,
  batch: CommandBatch,
  send: (bytes: Buffer) => void,
): void {
  const mark = encoder.length;
  const commands = batch.commands;
  let partBytes = FIRST_PART_BYTES;
  let parted = false;
  try {
    if (batch.transaction) encoder.write(MULTI);
    for (let i = 0; i < commands.length; i++) {
      writeCommand(encoder, commands[i]!);
      if (encoder.length < partBytes) continue;
      if (!parted) {
        if (commands.length - i - 1 <= i || !encodable(batch, i + 1)) {
          partBytes = Infinity;
          continue;
        }
        parted = true;
        partBytes = PART_BYTES;
      }
      send(encoder.take());
    }
    if (batch.transaction) encoder.write(EXEC);
  } catch (error) {
    // Unreachable once parted (every remaining argument was checked); otherwise unsent.
    encoder.truncate(mark);
    throw error;
  }
}

/** Appends one command: a plain typed call from its words and parameters, without `args`. */
export function writeCommand(encoder: RespEncoder, command: PreparedCommand): void {
  if (!(command instanceof PlainCommand)) encoder.write(command.args);
  else encoder.writePlain(command.spec.words, command.spec.params, command.a, command.b, command.c);
}

function encodable(batch: CommandBatch, from: number): boolean {
  const commands = batch.commands;
  for (let i = from; i < commands.length; i++) {
    const command = commands[i]!;
    if (command instanceof PlainCommand) continue; // checked when it was prepared
    const args = command.args;
    for (let j = 0; j < args.length; j++) if (!isWireArgument(args[j])) return false;
  }
  return true;
}
