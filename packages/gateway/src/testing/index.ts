/**
 * Test support for the gateway: fixture factories, an in-memory store, a real echo upstream, a
 * real gateway node on a free port and a raw-socket client. Not part of the build.
 */
export * from './echo-upstream.js';
export * from './factories.js';
export * from './fake-store.js';
export * from './policy-gateway.js';
export * from './policy-kit.js';
export * from './prometheus.js';
export * from './raw-request.js';
export * from './redis.js';
export * from './test-gateway.js';
