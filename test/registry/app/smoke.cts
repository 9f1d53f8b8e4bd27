// The same packages through `require` and their .d.cts declarations, as CommonJS users get them.
import { createClient, UnsupportedCommandError } from '@redspec/client';
import { createClient as createValkeyClient } from '@redspec/client/targets/valkey-8.1';

const client = createClient(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const valkey = createValkeyClient(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
// Valkey 8.1 has CLIENT CAPA; the pinned client's type says so.
const capa: (capability: string) => Promise<'OK'> = valkey.clientCapa;
if (typeof capa !== 'function' || typeof UnsupportedCommandError !== 'function') {
  throw new Error('CommonJS entry points are missing exports');
}
client.disconnect();
valkey.disconnect();
console.log('registry app (CommonJS): ok');
