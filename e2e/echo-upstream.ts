import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

/** What the upstream saw of one request. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/**
 * A real backend on loopback that answers 200 and remembers every request it received. Query
 * parameters script it: `?status=503` answers that status, `?delay=20` waits 20 ms first.
 */
export async function startRecordingUpstream(): Promise<{ url: string; seen: SeenRequest[]; close(): Promise<void> }> {
  const seen: SeenRequest[] = [];
  const server: Server = createServer((request, response) => {
    seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
    request.resume();
    const script = new URL(request.url ?? '/', 'http://upstream').searchParams;
    const answer = () => {
      response.writeHead(Number(script.get('status') ?? 200), { 'content-type': 'application/json' });
      response.end(JSON.stringify({ ok: true, url: request.url }));
    };
    request.on('end', () => setTimeout(answer, Number(script.get('delay') ?? 0)));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
