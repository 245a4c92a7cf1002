import { hash } from 'node:crypto';
import {
  FLOWS,
  type Flow,
  type GatewayConfig,
  type GatewayPlanRun,
  type Policy,
  type Project,
  type Quota,
  type SuccessCriteria,
  type TraceSession,
} from '@tollgate/domain';
import Value from 'typebox/value';
import type { SharedCache } from '../cache/shared-cache.js';
import type { Counters } from '../counters/counters.js';
import { GroupCounters } from '../counters/group-counters.js';
import { ConsumerSecrets } from '../credentials/consumer-secrets.js';
import { AccessTokens } from '../oauth/access-tokens.js';
import { POLICIES_BY_NAME } from '../policies/index.js';
import { balanceKey, type KeyEntry, type PolicyHandler, type PolicyKit, reject } from '../policies/kit.js';
import { type CompiledResource, compileResource } from './router.js';

/** One policy instance ready to run. */
export interface PolicyStep {
  policyId: string;
  type: string;
  continueOnError: boolean;
  handler: PolicyHandler;
}

/** The policy steps of each flow for one route (project scope first, then resource scope). */
export type FlowChains = Readonly<Record<Flow, readonly PolicyStep[]>>;

/** Where and how a project forwards. */
export interface CompiledTarget {
  /** `http://host:port`, the key of the connection pool. */
  origin: string;
  /** Path of the target URL without a trailing slash ('' for the root). */
  basePath: string;
  timeoutMs: number;
}

/** A project's trace session as a node applies it. */
export interface ActiveTraceSession {
  sessionId: string;
  /** Epoch ms at which the session ends: calls from then on are not traced. */
  expiresAt: number;
  /** Most calls of the session this node records. */
  maxCalls: number;
}

/** A deployed project, compiled. */
export interface CompiledProject {
  project: Project;
  /** Its trace session, when one was running at load time; undefined: its calls are not traced. */
  trace: ActiveTraceSession | undefined;
  target: CompiledTarget;
  resources: readonly CompiledResource[];
  /** Chains for calls that match no resource (projects without resources). */
  chains: FlowChains;
  /** Chains per resource id. */
  resourceChains: ReadonlyMap<string, FlowChains>;
}

/** Everything a node needs to serve its group, immutable once built; replaced whole on change. */
export interface Snapshot {
  version: number;
  serverGroupId: string;
  /** Context path → project. */
  projects: ReadonlyMap<string, CompiledProject>;
  keys: ReadonlyMap<string, KeyEntry>;
  /** Used-up prepaid balances as {@link balanceKey}s, read per call by `monetization-limit-check`. */
  exhaustedBalances: ReadonlySet<string>;
  accessTokens: AccessTokens;
}

/** SHA-256 hex, the form keys are stored in. One-shot `hash()`: no Hash object per call. */
export function sha256Hex(value: string): string {
  return hash('sha256', value, 'hex');
}

/** Reports a policy that could not be compiled (unknown type, invalid config); it then fails closed. */
export type CompileProblemListener = (problem: { projectId: string; policyId: string; type: string; reason: string }) => void;

/**
 * What a node lends every snapshot it builds; each outlives the snapshots. Defaults (tests,
 * benches): problems ignored, fresh memory counters, no consumer secrets.
 */
export interface NodeServices {
  onProblem: CompileProblemListener;
  counters: Counters;
  consumerSecrets: ConsumerSecrets;
  sharedCache: SharedCache | undefined;
}

/**
 * Compiles a server group's configuration: the key index, the router, and per route the
 * policy chains with every `create()` already called. A policy that cannot be compiled is
 * replaced by one that answers 500 POLICY_FAILED: a broken policy never opens an API.
 */
export function buildSnapshot(config: GatewayConfig, now: () => number, node: Partial<NodeServices> = {}): Snapshot {
  const onProblem = node.onProblem ?? (() => {});
  const counters = node.counters ?? new GroupCounters(undefined, () => 1, now);
  const consumerSecrets = node.consumerSecrets ?? new ConsumerSecrets({ secretDigestOf: async () => undefined });
  const keys = indexKeys(config);
  // A configuration saved by an earlier version has no exhaustedBalances: nothing is used up.
  const exhaustedBalances = new Set((config.exhaustedBalances ?? []).map((b) => balanceKey(b.clientId, b.currency)));
  const accessTokens = new AccessTokens(config.accessTokenSecret, now);
  const kit: PolicyKit = {
    now,
    digest: sha256Hex,
    keys,
    exhaustedBalances,
    serverGroupId: config.serverGroupId,
    counters,
    accessTokens,
    consumerSecrets,
    sharedCache: node.sharedCache,
    instance: '',
  };
  const sessions = traceSessionsByProject(config, now());
  const projects = new Map<string, CompiledProject>();
  for (const project of config.projects) {
    const compiled = compileProject(project, config.serverGroupId, kit, onProblem);
    compiled.trace = sessions.get(project.id);
    projects.set(project.contextPath, compiled);
  }
  return { version: config.version, serverGroupId: config.serverGroupId, projects, keys, exhaustedBalances, accessTokens };
}

/**
 * The session of each project traced in this group and not yet over. A configuration saved by an
 * earlier version has no `traceSessions`. Should a project have several, the latest started wins.
 */
function traceSessionsByProject(config: GatewayConfig, now: number): Map<string, ActiveTraceSession> {
  const latest = new Map<string, TraceSession>();
  for (const session of config.traceSessions ?? []) {
    if (session.serverGroupId !== null && session.serverGroupId !== config.serverGroupId) continue;
    if (Date.parse(session.expiresAt) <= now) continue;
    const other = latest.get(session.projectId);
    if (other === undefined || Date.parse(other.startedAt) <= Date.parse(session.startedAt)) latest.set(session.projectId, session);
  }
  const active = new Map<string, ActiveTraceSession>();
  for (const [projectId, session] of latest) {
    active.set(projectId, { sessionId: session.id, expiresAt: Date.parse(session.expiresAt), maxCalls: session.maxCalls });
  }
  return active;
}

/** Shared by every key saved before plan runs existed, so they cost no array each. */
const NO_RUNS: readonly GatewayPlanRun[] = Object.freeze([]);

function indexKeys(config: GatewayConfig): Map<string, KeyEntry> {
  const byProduct = new Map<
    string,
    {
      projectIds: ReadonlySet<string>;
      offeredHere: boolean;
      quota: Quota | null;
      scopes: readonly string[];
      billing: SuccessCriteria | null;
    }
  >();
  for (const product of config.products) {
    const offeredHere = product.serverGroupIds.includes(config.serverGroupId);
    const projectIds = offeredHere ? new Set(product.projectIds) : new Set<string>();
    // A configuration saved by an earlier version has no successCriteria: not monetized.
    byProduct.set(product.id, {
      offeredHere,
      projectIds,
      quota: product.quota,
      scopes: product.scopes,
      billing: product.successCriteria ?? null,
    });
  }
  const none = { offeredHere: false, projectIds: new Set<string>(), quota: null, scopes: [], billing: null };
  const keys = new Map<string, KeyEntry>();
  for (const key of config.keys) {
    const product = byProduct.get(key.productId) ?? none;
    // One literal with a fixed field order: every entry shares one hidden class (a spread gives
    // each its own), which keeps 100,000 entries small and the policy's reads monomorphic.
    keys.set(key.keyDigest, {
      keyDigest: key.keyDigest,
      subscriptionId: key.subscriptionId,
      clientId: key.clientId,
      organizationId: key.organizationId,
      productId: key.productId,
      active: key.active,
      expiresAt: key.expiresAt,
      quotaEpoch: key.quotaEpoch,
      // The store's array as is (no copy per key); a configuration saved earlier has none.
      planRuns: key.planRuns ?? NO_RUNS,
      projectIds: product.projectIds,
      offeredHere: product.offeredHere,
      productQuota: product.quota,
      productScopes: product.scopes,
      productBilling: product.billing,
    });
  }
  return keys;
}

function compileProject(project: Project, serverGroupId: string, kit: PolicyKit, onProblem: CompileProblemListener): CompiledProject {
  const url = new URL(project.target.url);
  const instances = new Map(
    project.policies.filter((p) => p.enabled).map((p) => [p.id, compilePolicy(project, p, serverGroupId, kit, onProblem)]),
  );
  const chainsFor = (resourceId: string | undefined): FlowChains => {
    const chains = {} as Record<Flow, PolicyStep[]>;
    for (const flow of FLOWS) {
      const inFlow = (p: Policy) => p.enabled && p.flow === flow;
      const projectScope = project.policies.filter((p) => inFlow(p) && p.resourceId === undefined);
      const resourceScope = resourceId === undefined ? [] : project.policies.filter((p) => inFlow(p) && p.resourceId === resourceId);
      chains[flow] = [...byPriority(projectScope), ...byPriority(resourceScope)]
        .map((p) => instances.get(p.id))
        .filter((s): s is PolicyStep => s !== undefined);
    }
    return chains;
  };
  return {
    project,
    trace: undefined,
    target: { origin: url.origin, basePath: url.pathname.replace(/\/+$/, ''), timeoutMs: project.target.timeoutMs },
    resources: project.resources.map(compileResource),
    chains: chainsFor(undefined),
    resourceChains: new Map(project.resources.map((r) => [r.id, chainsFor(r.id)])),
  };
}

/**
 * Orders one scope's policies by their type's priority (access, authentication, traffic,
 * security, transformation); policies of one type keep the order they were declared in.
 * Unknown types (which fail closed) go first.
 */
function byPriority(policies: readonly Policy[]): Policy[] {
  const priority = (p: Policy) => POLICIES_BY_NAME.get(p.type)?.priority ?? 0;
  return [...policies].sort((a, b) => priority(a) - priority(b));
}

function compilePolicy(
  project: Project,
  policy: Policy,
  serverGroupId: string,
  kit: PolicyKit,
  onProblem: CompileProblemListener,
): PolicyStep {
  const step = (handler: PolicyHandler): PolicyStep => ({
    policyId: policy.id,
    type: policy.type,
    continueOnError: policy.continueOnError,
    handler,
  });
  const failClosed = (reason: string): PolicyStep => {
    onProblem({ projectId: project.id, policyId: policy.id, type: policy.type, reason });
    const rejection = reject('POLICY_FAILED', `policy '${policy.id}' is not usable`);
    // Both hooks: a broken policy in a response flow must not let the backend's answer through.
    return step({ onRequest: () => rejection, onResponse: () => rejection });
  };
  const definition = POLICIES_BY_NAME.get(policy.type);
  if (definition === undefined) return failClosed(`unknown policy type '${policy.type}'`);
  const merged = { ...policy.config, ...(policy.serverGroupConfig?.[serverGroupId] ?? {}) };
  // Everything from here may throw on a config the API would refuse (or a library bug): the
  // policy then fails closed, the rest of the snapshot is built.
  try {
    const config = Value.Default(definition.schema, structuredClone(merged));
    if (!Value.Check(definition.schema, config)) {
      const [first] = Value.Errors(definition.schema, config);
      return failClosed(`invalid config: ${first?.instancePath || '/'} ${first?.message ?? ''}`.trim());
    }
    const [checkProblem] = Object.entries(definition.check?.(config) ?? {});
    if (checkProblem !== undefined) return failClosed(`invalid config: ${checkProblem[0] || '/'} ${checkProblem[1]}`);
    return step(definition.create(config, { ...kit, instance: `${project.id}/${policy.id}` }));
  } catch (error) {
    return failClosed(`create() failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
