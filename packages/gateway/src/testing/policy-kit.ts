import type { IncomingMessage } from 'node:http';
import type { Project } from '@tollgate/domain';
import Value from 'typebox/value';
import { GroupCounters } from '../counters/group-counters.js';
import { ConsumerSecrets } from '../credentials/consumer-secrets.js';
import { Exchange } from '../exchange.js';
import { AccessTokens } from '../oauth/access-tokens.js';
import {
  isReply,
  type KeyEntry,
  type PolicyDefinition,
  type PolicyHandler,
  type PolicyKit,
  type Rejection,
  type Verdict,
} from '../policies/kit.js';
import type { CompiledProject } from '../snapshot/snapshot.js';
import { sha256Hex } from '../snapshot/snapshot.js';
import { TEST_ACCESS_TOKEN_SECRET } from './factories.js';

/** The instant policy unit tests run at, unless they move the clock. */
export const POLICY_TEST_NOW = Date.parse('2026-06-01T00:00:00Z');

/** A kit with memory counters and a clock the test moves (`clock.now`). */
export function makePolicyKit(overrides: Partial<PolicyKit> = {}): PolicyKit & { clock: { now: number } } {
  const clock = { now: POLICY_TEST_NOW };
  const now = () => clock.now;
  return {
    clock,
    now,
    digest: sha256Hex,
    keys: new Map(),
    exhaustedBalances: new Set(),
    serverGroupId: 'production',
    counters: new GroupCounters(undefined, () => 1, now),
    accessTokens: new AccessTokens(TEST_ACCESS_TOKEN_SECRET, now),
    consumerSecrets: new ConsumerSecrets({ secretDigestOf: async () => undefined }),
    sharedCache: undefined,
    instance: 'petstore/policy',
    ...overrides,
  };
}

/** A recognised caller, as verify-api-key leaves it on the exchange. */
export function makeKeyEntry(overrides: Partial<KeyEntry> = {}): KeyEntry {
  return {
    keyDigest: sha256Hex('tg_k_test'),
    subscriptionId: 'app',
    clientId: 'alice',
    organizationId: null,
    productId: 'gold',
    active: true,
    expiresAt: null,
    quotaEpoch: 0,
    planRuns: [],
    projectIds: new Set(['petstore']),
    offeredHere: true,
    productQuota: null,
    productScopes: [],
    productBilling: null,
    ...overrides,
  };
}

/** What an exchange in a unit test is made of; everything has a default. */
export interface ExchangeFixture {
  method?: string;
  /** Path after the context path, '' or starting with '/'. */
  remainder?: string;
  query?: string;
  headers?: Record<string, string | string[]>;
  body?: string;
  clientAddress?: string;
  identity?: KeyEntry;
  project?: Partial<Project>;
  requestId?: string;
}

/** An exchange for project `petstore` at `/petstore`, without a socket or a server. */
export function makeExchange(fixture: ExchangeFixture = {}): Exchange {
  const project = { id: 'petstore', contextPath: '/petstore', ...fixture.project } as Project;
  const remainder = fixture.remainder ?? '/pets';
  const headers = Object.fromEntries(Object.entries(fixture.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  const request = { headers, socket: { remoteAddress: fixture.clientAddress ?? '127.0.0.1' } } as unknown as IncomingMessage;
  const exchange = new Exchange(
    request,
    fixture.requestId ?? `req-${Math.random().toString(36).slice(2)}`,
    fixture.method ?? 'GET',
    project.contextPath + remainder,
    fixture.query ?? '',
    { project } as CompiledProject,
    undefined,
    remainder,
    { ...headers },
    { 'proxy-request': [], 'target-request': [], 'target-response': [], 'proxy-response': [] },
  );
  exchange.identity = fixture.identity;
  if (fixture.body !== undefined) exchange.body = Buffer.from(fixture.body);
  return exchange;
}

/**
 * Creates a policy instance as the snapshot does: the config must match the schema once its
 * defaults are filled (a test of an invalid config fails here, not later).
 */
export function instantiate<Config>(definition: PolicyDefinition<Config>, config: object, kit: PolicyKit = makePolicyKit()): PolicyHandler {
  const filled = Value.Default(definition.schema, Value.Clone(config));
  if (!Value.Check(definition.schema, filled)) {
    const [first] = Value.Errors(definition.schema, filled);
    throw new Error(`invalid ${definition.name} config: ${first?.instancePath} ${first?.message}`);
  }
  const problems = definition.check?.(filled) ?? {};
  if (Object.keys(problems).length > 0) throw new Error(`invalid ${definition.name} config: ${JSON.stringify(problems)}`);
  return definition.create(filled as Config, kit);
}

/** Whether a config is accepted the way the management API checks it (schema with defaults, then `check`). */
export function acceptsConfig(definition: PolicyDefinition<unknown>, config: object): boolean {
  const filled = Value.Default(definition.schema, Value.Clone(config));
  return Value.Check(definition.schema, filled) && Object.keys(definition.check?.(filled) ?? {}).length === 0;
}

/**
 * The rejection a synchronous hook answered, or undefined when it let the call through. A reply
 * or a promise fails the test: await the hook and check the value directly for those.
 */
export function rejectionOf(verdict: Verdict | Promise<Verdict>): Rejection | undefined {
  if (verdict instanceof Promise) throw new Error('the hook answered a promise; expected a synchronous decision');
  if (verdict !== undefined && isReply(verdict)) throw new Error(`the hook replied ${verdict.status}; expected a rejection or nothing`);
  return verdict;
}
