import { once } from 'node:events';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createRawConnection } from '../helpers/raw-connection.js';
import type { RawConnection } from '../helpers/raw-connection.js';
import { ConnectionError, ProtocolError } from '../../src/errors.js';

// A real server never sends invalid RESP, so this file uses a scripted TCP server: it answers
// HELLO with a recorded redis 7.0.15 reply, then whatever the test scripts.
const HELLO =
  '%7\r\n$6\r\nserver\r\n$5\r\nredis\r\n$7\r\nversion\r\n$6\r\n7.0.15\r\n$5\r\nproto\r\n:3\r\n' +
  '$2\r\nid\r\n:3\r\n$4\r\nmode\r\n$10\r\nstandalone\r\n$4\r\nrole\r\n$6\r\nmaster\r\n' +
  '$7\r\nmodules\r\n*0\r\n';

let server: Server | undefined;
const open: RawConnection[] = [];
afterEach(async () => {
  open.splice(0).forEach((connection) => connection.disconnect());
  server?.close();
});

/** Starts the scripted server; `afterHello` answers every later chunk it receives. */
async function scriptedServer(
  afterHello: (socket: Socket, connection: number) => void,
): Promise<number> {
  let connections = 0;
  server = createServer((socket) => {
    const connection = ++connections;
    let greeted = false;
    socket.on('data', () => {
      if (greeted) return afterHello(socket, connection);
      greeted = true;
      socket.write(HELLO);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

describe('invalid replies', () => {
  it('reject the commands in flight, report a ProtocolError and reconnect', async () => {
    const port = await scriptedServer((socket, connection) =>
      socket.write(connection === 1 ? '+OK\r\n?garbage\r\n' : '+PONG\r\n'),
    );
    const connection = await createRawConnection({ port, reconnect: { baseDelayMs: 5 } });
    open.push(connection);
    const errors: Error[] = [];
    connection.on('error', (error) => errors.push(error));

    const results = await Promise.allSettled([
      connection.call(['SET', 'k', 'v']),
      connection.call(['GET', 'k']),
    ]);
    expect(results[0]).toEqual({ status: 'fulfilled', value: 'OK' });
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(ConnectionError);
    expect(errors[0]).toBeInstanceOf(ProtocolError);
    expect(errors[0]!.message).toBe('Invalid RESP type byte 0x3f at byte 5');

    expect(await connection.call(['PING'])).toBe('PONG');
  });

  it('treat a reply nobody waits for as a protocol error', async () => {
    const port = await scriptedServer((socket) => socket.write('+PONG\r\n+EXTRA\r\n'));
    const connection = await createRawConnection({ port, reconnect: false });
    open.push(connection);
    const errors: Error[] = [];
    connection.on('error', (error) => errors.push(error));
    const ended = new Promise((resolve) => connection.once('end', resolve));
    expect(await connection.call(['PING'])).toBe('PONG');
    await ended;
    expect(errors[0]).toBeInstanceOf(ProtocolError);
    expect(errors[0]!.message).toBe('Received a reply while no command was waiting');
  });
});
