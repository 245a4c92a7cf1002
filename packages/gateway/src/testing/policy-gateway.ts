import type { GatewayConfig, GatewayKey, GatewayProduct, Policy, Project, TraceSession } from '@tollgate/domain';
import { afterEach, beforeEach } from 'vitest';
import { type EchoUpstream, startEchoUpstream } from './echo-upstream.js';
import { makeGatewayConfig, makeGatewayProduct, makeProject } from './factories.js';
import { startTestGateway, type TestGateway, type TestGatewayOptions } from './test-gateway.js';

/** What a policy end-to-end test deploys next to its policies; everything is optional. */
export interface PolicyGatewayOptions {
  /** Overrides of the project: by default `pets` on `/pets`, forwarding to the echo upstream with a 5 s timeout. */
  project?: Partial<Project>;
  /** Further projects deployed next to it (build their target from {@link PolicyGateway.upstream}). */
  projects?: Project[];
  /** Consumer keys; {@link makeGatewayKey} sells them under product `test-product`. */
  keys?: GatewayKey[];
  /** Products; by default, when there are keys, `test-product` offering the project and nothing else. */
  products?: GatewayProduct[];
  /** Trace sessions of the configuration (see `makeTraceSession`); by default none. */
  traceSessions?: TraceSession[];
  /** Clients whose prepaid balance in a currency is used up; by default none. */
  exhaustedBalances?: GatewayConfig['exhaustedBalances'];
  /** Options of the node itself, such as its clock (or a trace sink: `traces`). */
  gateway?: TestGatewayOptions;
}

/** The echo upstream and gateway of the running test, and the way to start that gateway. */
export interface PolicyGateway {
  /** The echo upstream, started before each test. */
  readonly upstream: EchoUpstream;
  /** The gateway the running test started (throws before {@link PolicyGateway.start}). */
  readonly gateway: TestGateway;
  /** The configuration {@link PolicyGateway.start} deploys, for a test that replaces it in the store later. */
  config(policies: Policy[], options?: PolicyGatewayOptions): GatewayConfig;
  /** Starts a gateway for one project with `policies` (closing the one this test started before, if any). */
  start(policies: Policy[], options?: PolicyGatewayOptions): Promise<TestGateway>;
}

/**
 * Sets up the describe block of a policy end-to-end test: a fresh echo upstream before each test,
 * a gateway node started by the test for one project with the policies it is about, and both
 * closed after the test. Policy tests differ only in their policies, keys and products, so the
 * start and teardown of real sockets is written (and made leak-free) once here.
 */
export function usePolicyGateway(): PolicyGateway {
  let upstream: EchoUpstream | undefined;
  let gateway: TestGateway | undefined;

  beforeEach(async () => {
    upstream = await startEchoUpstream();
  });
  afterEach(async () => {
    await gateway?.close();
    gateway = undefined;
    await upstream?.close();
    upstream = undefined;
  });

  const harness: PolicyGateway = {
    get upstream() {
      if (upstream === undefined) throw new Error('the echo upstream runs only during a test');
      return upstream;
    },
    get gateway() {
      if (gateway === undefined) throw new Error('this test has not started a gateway');
      return gateway;
    },
    config(policies, options = {}) {
      const project = makeProject({
        id: 'pets',
        contextPath: '/pets',
        target: { url: harness.upstream.url, timeoutMs: 5_000 },
        policies,
        ...options.project,
      });
      const keys = options.keys ?? [];
      const defaultProducts = keys.length > 0 ? [makeGatewayProduct({ id: 'test-product', projectIds: [project.id] })] : [];
      return makeGatewayConfig({
        projects: [project, ...(options.projects ?? [])],
        products: options.products ?? defaultProducts,
        keys,
        traceSessions: options.traceSessions ?? [],
        exhaustedBalances: options.exhaustedBalances ?? [],
      });
    },
    async start(policies, options = {}) {
      await gateway?.close();
      gateway = await startTestGateway(harness.config(policies, options), options.gateway);
      return gateway;
    },
  };
  return harness;
}
