// The packages through `require` and their .d.cts types, as a CommonJS consumer sees them.
import { createClient, pipeline, ReplyError } from '@redspec/client';
import { Future } from '@redspec/pipeline';
import { RedspecError } from '@redspec/types';

const client: (url: string) => unknown = createClient;
if (typeof client !== 'function' || typeof pipeline !== 'function') {
  throw new Error('CommonJS entry points are missing exports');
}
if (!(new ReplyError('ERR x') instanceof RedspecError) || typeof Future !== 'function') {
  throw new Error('the CommonJS errors or futures are broken');
}
console.log('commonjs types and require(): ok');
