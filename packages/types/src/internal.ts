// @redspec/types/internal: the runtime that interprets the generated command table, and the
// contract between pipelines, clients and backends. For Redspec's own packages; not a public API.
export * from './index.js';
export type {
  ArgKind,
  ArgSpec,
  CommandFlagName,
  CommandSpec,
  KeyFlagName,
  KeySpecPlan,
  ReplyCondition,
  ReplyPlan,
  ReplyVariant,
} from './command-spec.js';
export { CommandFlag, KeyFlag, Product } from './command-spec.js';
export { commandTable } from './generated/command-table.js';
export type { CommandMethod } from './generated/command-table.js';
export { scanIteratorTable } from './generated/scan-iterator-table.js';
export type { ScanIteratorMethod } from './generated/scan-iterator-table.js';
export type {
  BatchReplies,
  ChannelOwner,
  CommandBatch,
  CommandChannel,
  LeasedChannel,
} from './command-channel.js';
export { commandChannel } from './command-channel.js';
export {
  paramsOf,
  PlainCommand,
  prepareCommand,
  preparePlainCommand,
  prepareRawCommand,
  reshapeCommand,
} from './prepared-command.js';
export type { PreparedCommand } from './prepared-command.js';
export { nameReplyError, replyValue, settleReply } from './settle-reply.js';
export { defineCommandMethods, invokeCommand, invokePlain } from './command-methods.js';
export type { CommandInvoker } from './command-methods.js';
export { checkCommandSupported, encodeCommand } from './command-encoder.js';
export { normalizeReply, selectReplyPlan } from './reply-normalizer.js';
export { blockingTimeMs } from './blocking-time.js';
export { findCommandSpec } from './find-command-spec.js';
export { commandKeyPositions, commandKeys, soleKeyPosition } from './command-keys.js';
export type { KeyPositionOptions } from './command-keys.js';
export { redactArgs } from './redact-args.js';
export { mapBySpec } from './spec-map.js';
export { isWireArgument } from './wire-argument.js';
export { isPlainObject, setField } from './plain-object.js';
export { compareVersions, productBit } from './version.js';
export { createReplyError } from './errors.js';
export type { WireCommand } from './resp-values.js';
