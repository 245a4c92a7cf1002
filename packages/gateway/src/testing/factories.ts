import type { GatewayConfig, GatewayKey, GatewayProduct, Policy, Project, Resource, TraceSession } from '@tollgate/domain';
import { sha256Hex } from '../snapshot/snapshot.js';

/** The server group every factory defaults to. */
export const TEST_SERVER_GROUP_ID = 'test-group';

/** The access-token signing secret of test configurations. */
export const TEST_ACCESS_TOKEN_SECRET = 'test-access-token-secret-0123456789abcdef';

const EPOCH = '2024-01-01T00:00:00.000Z';

/**
 * A resource of a project: GET on `/` unless overridden. Built fresh on every call so a test
 * can change it without touching another test's fixture.
 */
export function makeResource(overrides: Partial<Resource> & Pick<Resource, 'id'>): Resource {
  return { path: '/', methods: ['GET'], acceptChildPaths: false, forwardBasePath: true, ...overrides };
}

/** A policy instance, enabled, in the proxy-request flow unless overridden. */
export function makePolicy(overrides: Partial<Policy> & Pick<Policy, 'id' | 'type'>): Policy {
  return { flow: 'proxy-request', enabled: true, continueOnError: false, config: {}, ...overrides };
}

/**
 * A deployed project: no resources (every path under the context path is accepted) and no
 * policies (open) unless overridden, so each test states exactly the routing and policies it relies on.
 */
export function makeProject(overrides: Partial<Project> & Pick<Project, 'id' | 'contextPath' | 'target'>): Project {
  return {
    name: overrides.id,
    version: '1',
    status: 'active',
    description: '',
    tags: [],
    resources: [],
    policies: [],
    createdAt: EPOCH,
    updatedAt: EPOCH,
    ...overrides,
  };
}

/** A product offered in the test server group. */
export function makeGatewayProduct(overrides: Partial<GatewayProduct> & Pick<GatewayProduct, 'id'>): GatewayProduct {
  return { projectIds: [], serverGroupIds: [TEST_SERVER_GROUP_ID], quota: null, scopes: [], successCriteria: null, ...overrides };
}

/**
 * An active consumer key as the store hands it to gateways: only its SHA-256 digest, never the
 * raw key, exactly as the real store keeps it.
 */
export function makeGatewayKey(rawKey: string, overrides: Partial<Omit<GatewayKey, 'keyDigest'>> = {}): GatewayKey {
  return {
    keyDigest: sha256Hex(rawKey),
    subscriptionId: 'test-subscription',
    clientId: 'test-client',
    organizationId: null,
    productId: 'test-product',
    active: true,
    expiresAt: null,
    quotaEpoch: 0,
    planRuns: [],
    ...overrides,
  };
}

/** A server group's configuration at version 1 with nothing deployed unless overridden. */
export function makeGatewayConfig(overrides: Partial<GatewayConfig> = {}): GatewayConfig {
  return {
    version: 1,
    serverGroupId: TEST_SERVER_GROUP_ID,
    projects: [],
    products: [],
    keys: [],
    accessTokenSecret: TEST_ACCESS_TOKEN_SECRET,
    traceSessions: [],
    exhaustedBalances: [],
    ...overrides,
  };
}

/**
 * A trace session of project `pets` (the policy gateway's) for every server group, started at
 * 2024-01-01 and lasting a year past now, recording up to 100 calls per node unless overridden.
 */
export function makeTraceSession(overrides: Partial<TraceSession> = {}): TraceSession {
  return {
    id: 'test-trace-session',
    projectId: 'pets',
    serverGroupId: null,
    startedAt: EPOCH,
    expiresAt: new Date(Date.now() + 365 * 24 * 3_600_000).toISOString(),
    maxCalls: 100,
    ...overrides,
  };
}
