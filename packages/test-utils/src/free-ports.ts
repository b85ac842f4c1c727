import { createServer, type Server } from 'node:net';

/** Finds `count` distinct TCP ports that are free on 127.0.0.1 right now (the kernel picks them for port 0). */
export async function freePorts(count: number): Promise<number[]> {
  // All servers stay open until every port is known, so the kernel cannot hand out the same port twice.
  const servers: Server[] = [];
  try {
    const ports: number[] = [];
    for (let index = 0; index < count; index += 1) {
      const server = createServer();
      servers.push(server);
      ports.push(
        await new Promise<number>((resolve, reject) => {
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            if (address === null || typeof address === 'string') reject(new Error('no TCP address'));
            else resolve(address.port);
          });
        }),
      );
    }
    return ports;
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}
