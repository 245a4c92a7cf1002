/**
 * The backend every row of the HTTP benchmark calls: node:http answering a small fixed JSON
 * body to any request, in a process of its own so its CPU time is not the proxy's.
 * Prints `READY <port>` once it listens (port 0: any free port, given as argv[2]).
 */
import { createServer } from 'node:http';

const BODY = Buffer.from('{"ok":true,"service":"bench-upstream"}');
const HEADERS = { 'content-type': 'application/json', 'content-length': String(BODY.length) };

const server = createServer({ keepAliveTimeout: 60_000, noDelay: true }, (request, response) => {
  // No request body in the bench, but drain one if it comes so keep-alive stays usable.
  request.resume();
  response.writeHead(200, HEADERS);
  response.end(BODY);
});
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  process.stdout.write(`READY ${server.address().port}\n`);
});
process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
