/**
 * @tollgate/gateway: the data plane. Nodes compile their server group's configuration into a
 * snapshot, route, run policies and forward with undici.
 */
export { GatewayMetrics } from './metrics/gateway-metrics.js';
export { DEFAULT_MAX_BODY_BYTES, GatewayNode, type GatewayNodeOptions } from './node.js';
export type { GatewayLogger } from './pipeline.js';
export { POLICIES } from './policies/index.js';
export type { PolicyDefinition } from './policies/kit.js';
export { buildSnapshot, type Snapshot, sha256Hex } from './snapshot/snapshot.js';
export { TRACE_BODY_CAP } from './trace/capture.js';
