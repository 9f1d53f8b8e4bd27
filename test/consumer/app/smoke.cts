// The packages through `require` and their .d.cts types, as a CommonJS consumer sees them: only
// names a user would import.
import {
  createClient,
  createCluster,
  pipeline,
  ReplyError,
  UnsupportedCommandError,
} from '@redspec/client';
import { Future, PipelineError } from '@redspec/pipeline';
import { RedspecError } from '@redspec/types';

const client: (url: string) => unknown = createClient;
if (
  typeof client !== 'function' ||
  typeof createCluster !== 'function' ||
  typeof pipeline !== 'function'
) {
  throw new Error('CommonJS entry points are missing exports');
}
if (!(new UnsupportedCommandError('HEXPIRE', '7.4.0', '7.0.15') instanceof RedspecError)) {
  throw new Error('errors do not share RedspecError across packages');
}
if (!(new ReplyError('ERR x') instanceof RedspecError) || typeof Future !== 'function') {
  throw new Error('the CommonJS errors or futures are broken');
}
if (typeof PipelineError !== 'function') throw new Error('@redspec/pipeline lacks its errors');
console.log('commonjs types and require(): ok');
