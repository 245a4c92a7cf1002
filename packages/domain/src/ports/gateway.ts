import type { Quota } from '../entities/product.js';
import type { Project } from '../entities/project.js';
import type { SuccessCriteria } from '../entities/success-criteria.js';
import type { TraceSession } from '../entities/trace.js';

/** A consumer key as a gateway needs it: its digest and whom it identifies. */
export interface GatewayKey {
  /** SHA-256 (hex) of the consumer key. */
  keyDigest: string;
  subscriptionId: string;
  clientId: string;
  organizationId: string | null;
  productId: string;
  /** Subscription active, product key approved and client active: only then does the key open anything. */
  active: boolean;
  /** Epoch ms after which the key stops working (a regenerated key's predecessor); null: no expiry. */
  expiresAt: number | null;
  /** Quota epoch of the subscription product: part of its quota counter keys, so a reset starts from zero. */
  quotaEpoch: number;
  /** The rate plans of the key's subscription product (every run, past and future), for the limit check; empty when it never had one. */
  planRuns: GatewayPlanRun[];
}

/** An unbroken stretch of one rate plan on a subscription product, as the monetization limit check needs it. */
export interface GatewayPlanRun {
  ratePlanId: string;
  /** Epoch ms; `[since, until)`. */
  since: number;
  /** Epoch ms; null: open (see `planRuns`: the next change, the plan's end or its duration, whichever first). */
  until: number | null;
  mode: 'prepaid' | 'postpaid';
  currency: string;
}

/** A product as a gateway needs it. */
export interface GatewayProduct {
  id: string;
  /** Calls per calendar period for each key of the product; null: unlimited. */
  quota: Quota | null;
  /** OAuth scopes granted to access tokens issued for the product's keys. */
  scopes: string[];
  projectIds: string[];
  serverGroupIds: string[];
  /** Which responses are billable, for a product with rate plans (its calls go to the metering ledger); null: not monetized. */
  successCriteria: SuccessCriteria | null;
}

/** Everything a node of one server group compiles into its snapshot. */
export interface GatewayConfig {
  /** Configuration version it was read at. */
  version: number;
  serverGroupId: string;
  /** Projects deployed to the group. */
  projects: Project[];
  /** Every product: a key of a product not offered in the group must be told apart from an unknown key. */
  products: GatewayProduct[];
  /** Every key of every subscription (current ones and predecessors still in their grace period). */
  keys: GatewayKey[];
  /** HMAC secret (base64url) signing the OAuth access tokens of every node; the same for all groups. */
  accessTokenSecret: string;
  /** Trace sessions of the group's projects not yet expired when loaded (for the group, or for every group). */
  traceSessions: TraceSession[];
  /** Clients whose prepaid balance in a currency is used up: calls on their prepaid plans in it are refused. */
  exhaustedBalances: { clientId: string; currency: string }[];
}

/** Where gateway nodes read their configuration from (the store, read-only). */
export interface GatewayConfigSource {
  /** The version every configuration change increments; cheap, polled by nodes. */
  currentVersion(): Promise<number>;
  load(serverGroupId: string, now: Date): Promise<GatewayConfig>;
  /**
   * SHA-256 (hex) of the consumer secret paired with a current consumer key (not a
   * predecessor); undefined for an unknown key. Read by the OAuth token endpoint only, so
   * secrets never sit in a snapshot.
   */
  secretDigestOf(keyDigest: string): Promise<string | undefined>;
}

/** What a node reports about itself. */
export interface GatewayNodeReport {
  id: string;
  serverGroupId: string;
  /** Base URL clients reach the node at. */
  address: string;
  /** Version of the snapshot it serves; null before the first one. */
  configVersion: number | null;
  startedAt: string;
}

/** A node as the registry knows it. */
export interface GatewayNodeRecord extends GatewayNodeReport {
  lastSeenAt: string;
}

/** Gateway nodes register and heartbeat here; the management API lists them. */
export interface NodeRegistry {
  /** Inserts or refreshes the node, setting lastSeenAt to `seenAt`. */
  heartbeat(node: GatewayNodeReport, seenAt: string): Promise<void>;
  list(serverGroupId: string): Promise<GatewayNodeRecord[]>;
  /** A node that stops cleanly removes itself. */
  remove(id: string): Promise<void>;
}
