export type { CommandContext, PromiseContext, Result } from './command-context.js';
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
export type {
  BatchOptions,
  CommandChannel,
  CommandTransport,
  LeasedChannel,
  ServerInfo,
} from './connection.js';
export { isBlockingCall } from './blocking-call.js';
export { checkCommandSupported, encodeCommand } from './command-encoder.js';
export { defineCommandMethods, invokeCommand } from './command-methods.js';
export type { CommandInvoker } from './command-methods.js';
export { minimalParams } from './minimal-params.js';
export { normalizeReply, selectReplyPlan } from './reply-normalizer.js';
export { compareVersions, productBit } from './version.js';
export type {
  FieldValues,
  OneOrMany,
  RedisArgument,
  RedisKey,
  RespValue,
  WireCommand,
  ScoreBound,
} from './resp-values.js';
export {
  AskError,
  AuthenticationError,
  BusyError,
  ClusterDownError,
  CommandArgumentError,
  ExecAbortError,
  LoadingError,
  MovedError,
  NoPermissionError,
  NoScriptError,
  OutOfMemoryError,
  ReadOnlyError,
  RedirectionError,
  RedspecError,
  ReplyError,
  ServerCrossSlotError,
  TryAgainError,
  UnsupportedCommandError,
  WrongTypeError,
  createReplyError,
} from './errors.js';
export type { RedisCommands } from './generated/redis-commands.js';
export type * from './generated/command-options.js';
export type * from './generated/command-replies.js';
export { commandTable } from './generated/command-table.js';
export type { CommandMethod } from './generated/command-table.js';
export { commandKeyPositions, commandKeys } from './command-keys.js';
export type { KeyPositionOptions } from './command-keys.js';
