// @redspec/types: what users of Redspec name in their code. Sibling packages reach the command
// table, encoder and backend contract through `@redspec/types/internal`.
export type { CommandContext, PromiseContext, Result } from './command-context.js';
export type { ServerInfo } from './command-channel.js';
export type {
  ConnectionStateCommand,
  RedisCommands,
  SharedConnectionCommands,
} from './generated/redis-commands.js';
export type * from './generated/command-options.js';
export type * from './generated/command-replies.js';
export type { ScanIterators } from './generated/scan-iterators.js';
export type { ScanItem, ScanIterator, ScanIteratorOptions } from './scan-iterator.js';
export type {
  FieldValues,
  OneOrMany,
  RedisArgument,
  RedisKey,
  RespValue,
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
  ReplyTooLongError,
  ServerCrossSlotError,
  TryAgainError,
  UnsupportedCommandError,
  WrongTypeError,
} from './errors.js';
