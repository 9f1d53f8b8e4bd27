import { startRedisServer, rawCommand } from '../test-utils/src/index.js';
import { createClient } from './src/index.js';
const server = await startRedisServer();
const serverCpu = async () => {
  const info = String(await rawCommand(server, ['INFO', 'cpu']));
  const u = /used_cpu_user:([\d.]+)/.exec(info)![1];
  const s = /used_cpu_sys:([\d.]+)/.exec(info)![1];
  return Number(u) + Number(s);
};
for (const mode of ['none', 'cache', 'cache']) {
  const client = createClient({
    port: server.port,
    ...(mode === 'cache' ? { clientSideCache: { maxEntries: 10000, maxBytes: 1 << 20 } } : {}),
  });
  await client.connect();
  const s0 = await serverCpu();
  const t = performance.now();
  const c0 = process.cpuUsage();
  for (let start = 0; start < 100_000; start += 25_000) {
    const reads = [];
    for (let i = start; i < start + 25_000; i++) reads.push(client.get(`lru:${i}`));
    await Promise.all(reads);
  }
  const cpu = process.cpuUsage(c0);
  console.log(
    mode,
    Math.round(performance.now() - t),
    'ms wall',
    Math.round((cpu.user + cpu.system) / 1000),
    'ms client cpu',
    Math.round(((await serverCpu()) - s0) * 1000),
    'ms server cpu',
  );
  await client.quit();
}
await server.stop();
