// The packages through `require` and their .d.cts types, as a CommonJS consumer sees them.
import { createClient } from '@redspec/client';
import { createPipeline } from '@redspec/pipeline';
import { commandTable } from '@redspec/types';

const client: (url: string) => unknown = createClient;
if (typeof client !== 'function' || typeof createPipeline !== 'function') {
  throw new Error('CommonJS entry points are missing exports');
}
if (commandTable.get === undefined) throw new Error('command table lacks GET');
console.log('commonjs types and require(): ok');
