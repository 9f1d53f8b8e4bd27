// Every error a Redspec user can receive, in one list; all are `RedspecError`s (instanceof
// holds across the ESM and CommonJS builds, see @redspec/types' error-brand.ts).
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
} from '@redspec/types';
export {
  ClientRegistryError,
  CommandNotAllowedError,
  PipelineDiscardedError,
  PipelineError,
  PipelineNotExecutedError,
  PipelineStateError,
  ResultNotReadyError,
  WatchError,
} from '@redspec/pipeline';
export {
  AbortError,
  CommandTimeoutError,
  ConnectionClosedError,
  ConnectionError,
  InflightLimitError,
  OfflineQueueFullError,
  PoolExhaustedError,
  ProtocolError,
  SharedConnectionError,
  SubscriberOverflowError,
} from './errors.js';
export {
  ClusterDiscoveryError,
  ClusterRoutingError,
  CrossSlotError,
  NodeUnreachableError,
  TooManyRedirectionsError,
} from './cluster/cluster-errors.js';
export { SentinelDiscoveryError, SentinelRoleError } from './sentinel/sentinel-errors.js';
export type { SentinelFailure } from './sentinel/sentinel-errors.js';
