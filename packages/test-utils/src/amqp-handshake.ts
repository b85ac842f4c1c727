import { connect } from 'node:net';

const protocolHeader = Buffer.from([0x41, 0x4d, 0x51, 0x50, 0, 0, 9, 1]);

/** True if a broker on 127.0.0.1:`port` answers the AMQP 0-9-1 protocol header with a method frame. */
export function acceptsAmqp(port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const finish = (answer: boolean): void => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => socket.write(protocolHeader));
    // The first frame of a booted broker is Connection.Start, a method frame (type 1).
    socket.once('data', (data) => finish(data[0] === 1));
    socket.once('error', () => finish(false));
    socket.once('close', () => finish(false));
  });
}
