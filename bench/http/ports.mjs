/** A free TCP port on loopback, for servers (nginx) that cannot be told to pick one and report it. */
import { once } from 'node:events';
import { createServer } from 'node:net';

export async function freePort() {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  server.close();
  await once(server, 'close');
  return port;
}
