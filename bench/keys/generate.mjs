/**
 * Generates keys and a GatewayConfig shaped like the one the store's gateway-config source
 * produces (packages/storage/src/repositories/gateway-config.ts): UUID ids, consumer keys in
 * the issued format (`tg_k_` + 32 random bytes, base64url) stored as SHA-256 hex digests,
 * one key per subscription product, ten subscriptions per client.
 */
import { randomBytes, randomUUID } from 'node:crypto';

/** Projects and products of the generated configuration (the keys are what scales). */
export const PROJECT_COUNT = 10;
export const PRODUCT_COUNT = 10;
export const SUBSCRIPTIONS_PER_CLIENT = 10;
export const ORGANIZATION_COUNT = 100;

/**
 * A UUID as a flat string. Node's randomUUID() returns a rope of ~20 concatenated pieces
 * (a V8 cons string, ~600 bytes) that stays a rope until something flattens it; ids read from
 * the store arrive flat, so the bench flattens them too or it would overstate the memory.
 */
function uuid() {
  return JSON.parse(JSON.stringify(randomUUID()));
}

/** A consumer key as the credential issuer makes them. */
export function consumerKey() {
  return `tg_k_${randomBytes(32).toString('base64url')}`;
}

/** A project as the store returns it, with the default verify-api-key policy and a few resources. */
export function benchProject(index, upstreamUrl = 'http://127.0.0.1:9/') {
  const now = '2026-01-01T00:00:00.000Z';
  return {
    id: `project-${index}`,
    name: `Project ${index}`,
    version: '1',
    contextPath: `/p${index}/v1`,
    status: 'active',
    description: '',
    tags: [],
    target: { url: upstreamUrl, timeoutMs: 30_000 },
    resources: Array.from({ length: 5 }, (_, r) => ({
      id: `r${r}`,
      path: r === 0 ? '/items' : `/items/{id}/part${r}`,
      methods: ['GET', 'POST'],
      acceptChildPaths: false,
      forwardBasePath: true,
    })),
    policies: [{ id: 'verify-api-key', type: 'verify-api-key', flow: 'proxy-request', enabled: true, continueOnError: false, config: {} }],
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * A production-group configuration with `keyCount` active keys spread over the products.
 * `digest` is the gateway's own sha256Hex, passed in so the key index is built from the
 * exact digests the gateway computes at request time.
 *
 * @param {number} keyCount
 * @param {(value: string) => string} digest
 */
export function generateGatewayConfig(keyCount, digest) {
  const projects = Array.from({ length: PROJECT_COUNT }, (_, i) => benchProject(i));
  const products = Array.from({ length: PRODUCT_COUNT }, (_, i) => ({
    id: `product-${i}`,
    serverGroupIds: ['production'],
    projectIds: [`project-${i}`, `project-${(i + 1) % PROJECT_COUNT}`],
  }));
  const organizations = Array.from({ length: ORGANIZATION_COUNT }, () => uuid());
  const keys = [];
  let clientId = '';
  let organizationId = '';
  for (let i = 0; i < keyCount; i++) {
    if (i % SUBSCRIPTIONS_PER_CLIENT === 0) {
      clientId = uuid();
      organizationId = organizations[(i / SUBSCRIPTIONS_PER_CLIENT) % ORGANIZATION_COUNT];
    }
    keys.push({
      keyDigest: digest(consumerKey()),
      subscriptionId: uuid(),
      clientId,
      organizationId,
      productId: `product-${i % PRODUCT_COUNT}`,
      active: true,
      expiresAt: null,
    });
  }
  return { version: 1, serverGroupId: 'production', projects, products, keys };
}
