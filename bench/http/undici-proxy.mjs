/**
 * Row (b), the Node baseline: the smallest reverse proxy on the stack DESIGN.md §3 chose —
 * node:http in, undici `Pool.stream` out — with the same pool settings as the gateway's
 * forwarder. It drops hop-by-hop headers both ways (correctness a proxy cannot skip) and does
 * nothing else: no routing, no policies, no request id. Tollgate's distance from this row is
 * the cost of what the gateway adds.
 *
 * argv: <upstream origin> [port]; prints `READY <port>`.
 */
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

// The gateway's own undici (resolved from its package), so both rows run the same version.
const { Pool } = createRequire(new URL('../../packages/gateway/package.json', import.meta.url))('undici');

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'host']);

function withoutHopByHop(headers) {
  const out = {};
  for (const name in headers) if (!HOP_BY_HOP.has(name)) out[name] = headers[name];
  return out;
}

const pool = new Pool(process.argv[2], { connections: 256, pipelining: 1, keepAliveTimeout: 4_000, connectTimeout: 5_000 });

const server = createServer({ keepAliveTimeout: 5_000, noDelay: true }, (request, response) => {
  pool
    .stream(
      {
        path: request.url,
        method: request.method,
        headers: withoutHopByHop(request.headers),
        body: request.headers['content-length'] !== undefined || request.headers['transfer-encoding'] !== undefined ? request : null,
      },
      ({ statusCode, headers }) => {
        response.writeHead(statusCode, withoutHopByHop(headers));
        return response;
      },
    )
    .catch(() => {
      if (response.headersSent) response.destroy();
      else response.writeHead(502).end();
    });
});
server.listen(Number(process.argv[3] ?? 0), '127.0.0.1', () => {
  process.stdout.write(`READY ${server.address().port}\n`);
});
process.on('SIGTERM', () => {
  server.close(() => pool.close().then(() => process.exit(0)));
  server.closeAllConnections();
});
