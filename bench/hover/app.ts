// Hover fixture: bench/src/hover-docs.ts asks the language service what an editor shows at
// each hover marker (the method name right after it).
import { createClient } from '@redspec/client';

const client = createClient('redis://127.0.0.1:6379');
const pipe = client.pipeline();

export async function hovered(): Promise<void> {
  await client./*hover*/ set('k', 'v');
  await client./*hover*/ zrange('z', 0, -1);
  await client./*hover*/ xadd('s', '*', { f: 'v' });
  pipe./*hover*/ incr('n');
}
