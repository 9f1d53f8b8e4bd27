import { CommandArgumentError } from '@redspec/types';
import {
  commandTable,
  PlainCommand,
  prepareCommand,
  prepareRawCommand,
  type CommandBatch,
} from '@redspec/types/internal';
import { describe, expect, it } from 'vitest';
import { RespEncoder } from '../resp/resp-encoder.js';
import { encodeBatch, FIRST_PART_BYTES, PART_BYTES } from './encode-batch.js';

function batchOf(count: number, transaction = false): CommandBatch {
  const commands = Array.from({ length: count }, (_, i) =>
    prepareRawCommand(['SET', `key:${i}`, `value:${i}`]),
  );
  return { commands, transaction };
}

/** Encodes `batch` after `before` and returns the parts sent and the bytes left for the flush. */
function encodeInParts(batch: CommandBatch, before?: string[]): { parts: Buffer[]; rest: Buffer } {
  const encoder = new RespEncoder();
  if (before !== undefined) encoder.write(before);
  const parts: Buffer[] = [];
  encodeBatch(encoder, batch, (bytes) => parts.push(bytes));
  return { parts, rest: encoder.take() };
}

function whole(batch: CommandBatch): Buffer {
  const encoder = new RespEncoder();
  if (batch.transaction) encoder.write(['MULTI']);
  for (const command of batch.commands) encoder.write(command.args);
  if (batch.transaction) encoder.write(['EXEC']);
  return encoder.take();
}

describe('encodeBatch', () => {
  it('sends a big batch in parts whose bytes, joined, are the whole batch in order', () => {
    const batch = batchOf(1000, true);
    const { parts, rest } = encodeInParts(batch);
    expect(parts.length).toBeGreaterThan(2);
    expect(Buffer.concat([...parts, rest])).toEqual(whole(batch));
    expect(parts[0]!.toString().startsWith('*1\r\n$5\r\nMULTI\r\n')).toBe(true);
    expect(rest.toString().endsWith('*1\r\n$4\r\nEXEC\r\n')).toBe(true);
    // The first part as soon as it is worth a write; later ones at the server's read size.
    expect(parts[0]!.length).toBeGreaterThanOrEqual(FIRST_PART_BYTES);
    expect(parts[0]!.length).toBeLessThan(FIRST_PART_BYTES + 64);
    for (const part of parts.slice(1)) {
      expect(part.length).toBeGreaterThanOrEqual(PART_BYTES);
      expect(part.length).toBeLessThan(PART_BYTES + 64);
    }
  });

  it('keeps commands encoded before the batch at the head of its first part', () => {
    const batch = batchOf(1000);
    const { parts, rest } = encodeInParts(batch, ['INCR', 'counter']);
    expect(parts[0]!.toString().startsWith('*2\r\n$4\r\nINCR\r\n$7\r\ncounter\r\n*3')).toBe(true);
    const before = Buffer.from('*2\r\n$4\r\nINCR\r\n$7\r\ncounter\r\n');
    expect(Buffer.concat([...parts, rest])).toEqual(Buffer.concat([before, whole(batch)]));
  });

  it('writes a batch that is mostly encoded by the first threshold in one piece', () => {
    // 100 short commands are about 3.5 KB: under the first part's size, and when a batch is
    // larger but little of it remains, a second write costs more than it saves.
    for (const count of [100, 150]) {
      const batch = batchOf(count);
      const { parts, rest } = encodeInParts(batch);
      expect(parts).toEqual([]);
      expect(rest).toEqual(whole(batch));
    }
  });

  it('sends nothing of a batch with an argument the encoder refuses, and keeps nothing of it', () => {
    const batch = batchOf(1000);
    // Built by hand: prepared commands are checked, so only a bypass can carry such a value.
    const bad = { ...batch.commands[900]!, args: ['SET', 'k', Number.NaN] };
    const commands = batch.commands.map((command, i) => (i === 900 ? bad : command));
    const encoder = new RespEncoder();
    encoder.write(['PING']);
    const parts: Buffer[] = [];
    expect(() =>
      encodeBatch(encoder, { commands, transaction: false }, (b) => parts.push(b)),
    ).toThrow(CommandArgumentError);
    expect(parts).toEqual([]);
    expect(encoder.take().toString()).toBe('*1\r\n$4\r\nPING\r\n');
  });

  it('writes plain typed calls from their words and parameters, byte for byte as their args', () => {
    const server = { product: 'redis', version: '7.0.15', protocol: 3 } as const;
    const unicode = 'ключ:🔑';
    const commands = Array.from({ length: 600 }, (_, i) => {
      if (i % 4 === 0)
        return prepareCommand(commandTable.set, [`k:${i}`, Buffer.from([i % 256])], server);
      if (i % 4 === 1) return prepareCommand(commandTable.incrby, [unicode, -i], server);
      if (i % 4 === 2) return prepareCommand(commandTable.set, ['k', 1.5, { get: true }], server);
      return prepareRawCommand(['CLIENT', 'SETNAME', `n${i}`]);
    });
    expect(commands[0]).toBeInstanceOf(PlainCommand);
    expect(commands[2]).not.toBeInstanceOf(PlainCommand);
    const batch = { commands, transaction: true };
    const { parts, rest } = encodeInParts(batch);
    expect(parts.length).toBeGreaterThan(0);
    expect(Buffer.concat([...parts, rest])).toEqual(whole(batch));
  });
});
