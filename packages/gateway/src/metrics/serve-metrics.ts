import type { IncomingMessage, ServerResponse } from 'node:http';
import { isLoopback } from '../http/loopback.js';
import type { GatewayMetrics } from './gateway-metrics.js';

/** The path every gateway node serves its metrics at (reserved: no project can use it). */
export const METRICS_PATH = '/metrics';

/**
 * Answers a Prometheus scrape, to loopback clients only: the gateway port is public, and the
 * metrics name every project and product. Scrape from the same host (an agent or sidecar), or
 * through the management server's `/metrics`, which holds the embedded nodes' metrics too.
 */
export function serveMetrics(request: IncomingMessage, response: ServerResponse, metrics: GatewayMetrics): void {
  if (!isLoopback(request.socket.remoteAddress)) {
    const body = 'metrics are served to loopback clients only\n';
    response.writeHead(403, { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(body) });
    response.end(body);
    return;
  }
  metrics.render().then(
    (text) => {
      response.writeHead(200, { 'content-type': metrics.contentType, 'content-length': Buffer.byteLength(text) });
      response.end(text);
    },
    () => {
      response.writeHead(500, { 'content-length': 0 });
      response.end();
    },
  );
}
