import { once } from 'node:events';
import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { coalesceWrites, writtenOut } from './coalesce-writes.js';

describe('coalesceWrites', () => {
  let server: Server | undefined;
  let client: Socket | undefined;
  afterEach(async () => {
    client?.destroy();
    await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  });

  /** A loopback connection whose server side records each chunk it reads. */
  const connected = async (): Promise<{ socket: Socket; received: Buffer[] }> => {
    const received: Buffer[] = [];
    server = createServer((peer) => peer.on('data', (chunk: Buffer) => received.push(chunk)));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    client = connect((server.address() as AddressInfo).port, '127.0.0.1');
    client.setNoDelay(true);
    await once(client, 'connect');
    return { socket: client, received };
  };

  it('holds the writes of one turn and sends them together once the turn is over', async () => {
    const { socket, received } = await connected();
    coalesceWrites(socket);
    coalesceWrites(socket); // a second call changes nothing
    expect(socket.write('a')).toBe(true);
    socket.write(Buffer.from('b'));
    socket.write('c', () => undefined);
    expect(socket.writableCorked).toBe(1);
    expect(socket.writableLength).toBe(3);
    await new Promise((resolve) => setImmediate(resolve));
    expect(socket.writableCorked).toBe(0);
    await expect.poll(() => Buffer.concat(received).toString()).toBe('abc');

    // The next turn corks again: nothing written in it is held longer than that turn.
    socket.write('d');
    expect(socket.writableCorked).toBe(1);
    await expect.poll(() => Buffer.concat(received).toString()).toBe('abcd');
    expect(socket.writableCorked).toBe(0);
  });

  it('leaves a cork of the caller in place', async () => {
    const { socket, received } = await connected();
    coalesceWrites(socket);
    socket.cork(); // as rabbitmq-client does while the broker blocks the connection
    socket.write('held');
    await new Promise((resolve) => setImmediate(resolve));
    expect(socket.writableCorked).toBe(1);
    expect(received).toEqual([]);
    socket.uncork();
    await expect.poll(() => Buffer.concat(received).toString()).toBe('held');
  });

  it('tells when the writes it holds have been handed on, and only its own', async () => {
    const { socket, received } = await connected();
    coalesceWrites(socket);
    await writtenOut(socket); // holds nothing: at once
    socket.write('e');
    const corkedWhenResumed = writtenOut(socket).then(() => socket.writableCorked);
    expect(socket.writableCorked).toBe(1);
    await expect(corkedWhenResumed).resolves.toBe(0);
    await expect.poll(() => Buffer.concat(received).toString()).toBe('e');

    socket.cork(); // the caller's, as rabbitmq-client's while the broker blocks the connection
    socket.write('f');
    await expect(writtenOut(socket).then(() => socket.writableCorked)).resolves.toBe(1);
    socket.uncork();
  });
});
