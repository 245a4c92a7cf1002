import type { ErrorCode, GatewayKey, PolicyType, Quota, SuccessCriteria } from '@tollgate/domain';
import type { SharedCache } from '../cache/shared-cache.js';
import type { Counters } from '../counters/counters.js';
import type { ConsumerSecrets } from '../credentials/consumer-secrets.js';
import type { Exchange } from '../exchange.js';
import type { AccessTokens } from '../oauth/access-tokens.js';

/** A denial: the policy answers the call itself with a catalogue code. Continuing is `undefined`. */
export interface Rejection {
  code: ErrorCode;
  detail: string;
  headers?: Record<string, string>;
}

/**
 * An answer a policy gives instead of the backend (a CORS preflight, a mock): not an error, so
 * it stops the flow even under `continueOnError`. Response flows do not run on it.
 */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

/**
 * What a policy hook returns: `undefined` to continue (no allocation on the hot path), a
 * rejection (an error answer with a catalogue code), or a reply.
 */
export type Verdict = Rejection | Reply | undefined;

/** Whether a verdict is a reply rather than a rejection. */
export function isReply(verdict: Rejection | Reply): verdict is Reply {
  return (verdict as Reply).status !== undefined;
}

/** A key as the snapshot indexes it: the stored facts plus the projects it opens in this group. */
export interface KeyEntry extends GatewayKey {
  /** Projects the key's product contains, when the product is offered in this group; empty otherwise. */
  projectIds: ReadonlySet<string>;
  /** Whether the key's product is offered in this group at all. */
  offeredHere: boolean;
  /** The product's own quota, enforced for every call with the key; null: none. */
  productQuota: Quota | null;
  /** OAuth scopes of the key's product (what its access tokens may carry). */
  productScopes: readonly string[];
  /** Which answers are billable when the key's product is monetized (has rate plans); null: its calls are not metered. */
  productBilling: SuccessCriteria | null;
}

/**
 * Names a client's balance in one currency in {@link PolicyKit.exhaustedBalances}. NUL cannot
 * occur in an id or a currency code, so two different pairs never give the same key.
 */
export function balanceKey(clientId: string, currency: string): string {
  return `${clientId}\u0000${currency}`;
}

/**
 * What a policy instance may use, passed in at `create()` (never global), so a unit test is a
 * function call with fakes.
 */
export interface PolicyKit {
  /** Epoch milliseconds now. */
  now(): number;
  /** SHA-256 hex, as keys are stored. */
  digest(value: string): string;
  /** The snapshot's key index: digest → key. */
  keys: ReadonlyMap<string, KeyEntry>;
  /**
   * The snapshot's used-up prepaid balances, as {@link balanceKey}s: a set, so the limit check
   * costs one lookup per call instead of a scan of every client's balances.
   */
  exhaustedBalances: ReadonlySet<string>;
  /** The server group the node serves. */
  serverGroupId: string;
  /** Limit counters: in memory, or shared through Redis. */
  counters: Counters;
  /** Issues and verifies OAuth access tokens (the platform's signing secret). */
  accessTokens: AccessTokens;
  /** Checks consumer secrets (cached digests, read from the store on first use). */
  consumerSecrets: ConsumerSecrets;
  /** A byte cache shared by the nodes using the same Redis; undefined without `--redis`. */
  sharedCache: SharedCache | undefined;
  /**
   * Names this policy instance (`<projectId>/<policyId>`), stable across snapshots: the prefix
   * of its counter keys, so counts survive a configuration change.
   */
  instance: string;
}

/**
 * One compiled policy instance. `onRequest` runs in the request flows (proxy-request,
 * target-request); `onResponse` in the response flows (target-response, proxy-response), once
 * the backend's status and headers are known (`exchange.response`) and before they are sent.
 */
export interface PolicyHandler {
  onRequest?(exchange: Exchange): Verdict | Promise<Verdict>;
  onResponse?(exchange: Exchange): Verdict | Promise<Verdict>;
  /**
   * True when `onResponse` needs `exchange.response.body`: the gateway then buffers the
   * backend's whole body (up to the node's body limit) before the response flows run.
   */
  readsResponseBody?: boolean;
  /**
   * Runs when the gateway answers this call with an error (a rejection, an unreachable or
   * slow backend); may replace the problem body with its own reply (custom error pages).
   */
  onError?(exchange: Exchange, rejection: Rejection): Reply | undefined;
}

/** A policy type (name, schema, flows, scopes, priority) and the factory of its instances. */
export interface PolicyDefinition<Config = unknown> extends PolicyType {
  /** Runs once per snapshot: precompile here, not per request. */
  create(config: Config, kit: PolicyKit): PolicyHandler;
}

/** Declares a policy type; typed helper so `create` receives its own config type. */
export function definePolicy<Config>(definition: PolicyDefinition<Config>): PolicyDefinition<Config> {
  return definition;
}

/** Shorthand for a reply value. */
export function reply(status: number, headers: Record<string, string> = {}, body: string | Buffer = ''): Reply {
  return { status, headers, body };
}

/** Shorthand for a rejection value. */
export function reject(code: ErrorCode, detail: string, headers?: Record<string, string>): Rejection {
  return headers === undefined ? { code, detail } : { code, detail, headers };
}
