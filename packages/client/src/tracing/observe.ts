import {
  redactArgs,
  type BatchReplies,
  type CommandBatch,
  type PreparedCommand,
} from '@redspec/types/internal';
import { CallSite } from './call-site.js';
import { batchTracing, commandTracing, connectTracing } from './trace-channels.js';
import type {
  BatchTraceContext,
  CommandTraceContext,
  ConnectTraceContext,
  ServerTraceFields,
} from './trace-contexts.js';

/**
 * One command through the tracing channel (when `traced`) and with its call site (when
 * `callSite`): what `RedisConnection.send` runs only when somebody asked for either, so the
 * common path builds nothing.
 */
export function observeCommand(
  server: ServerTraceFields,
  command: PreparedCommand,
  traced: boolean,
  callSite: boolean,
  send: () => Promise<unknown>,
): Promise<unknown> {
  const run = callSite ? withCallSite(send, new CallSite()) : send;
  if (!traced) return run();
  const context: CommandTraceContext = {
    command: command.name,
    args: redactArgs(command.args),
    serverAddress: server.serverAddress,
    serverPort: server.serverPort,
    database: server.database,
  };
  return commandTracing.tracePromise(run, context);
}

/** A batch through the tracing channel and/or with its call site, as `observeCommand`. */
export function observeBatch(
  server: ServerTraceFields,
  batch: CommandBatch,
  traced: boolean,
  callSite: boolean,
  send: () => Promise<BatchReplies>,
): Promise<BatchReplies> {
  const run = callSite ? withBatchCallSite(send, new CallSite()) : send;
  if (!traced) return run();
  const context: BatchTraceContext = {
    batchSize: batch.commands.length,
    transaction: batch.transaction,
    commands: batch.commands.map((command) => command.name),
    serverAddress: server.serverAddress,
    serverPort: server.serverPort,
    database: server.database,
  };
  return batchTracing.tracePromise(run, context);
}

/** One connection attempt through the tracing channel. */
export function observeConnect(
  server: ServerTraceFields,
  attempt: number,
  tls: boolean,
  connect: () => Promise<void>,
): Promise<void> {
  const context: ConnectTraceContext = {
    attempt,
    tls,
    serverAddress: server.serverAddress,
    serverPort: server.serverPort,
    database: server.database,
  };
  return connectTracing.tracePromise(connect, context);
}

function withCallSite(send: () => Promise<unknown>, site: CallSite): () => Promise<unknown> {
  return () =>
    send().catch((error: unknown) => {
      site.annotate(error);
      throw error;
    });
}

function withBatchCallSite(
  send: () => Promise<BatchReplies>,
  site: CallSite,
): () => Promise<BatchReplies> {
  return () =>
    send().then(
      (replies) => {
        site.annotateAll(replies.replies);
        site.annotateAll(replies.exec);
        if (replies.interrupted !== undefined) site.annotate(replies.interrupted);
        return replies;
      },
      (error: unknown) => {
        site.annotate(error);
        throw error;
      },
    );
}
