import { GatewayMetrics } from '@tollgate/gateway';
import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * The process's Prometheus registry: Node.js process metrics (CPU, memory, event loop lag, GC)
 * plus the gateway metrics of every node the process runs. `tollgate start` serves it at the
 * management server's `/metrics`; a standalone node at its own `/metrics` (loopback only).
 */
export function processMetrics(): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'tollgate_' });
  return new GatewayMetrics(registry);
}
