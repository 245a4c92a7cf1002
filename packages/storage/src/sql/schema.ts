/** Epoch milliseconds: bigint in PostgreSQL (parsed to number), integer in SQLite. */
type Millis = number;
/** JSON kept as text so both dialects share one code path. */
type Json = string;

export interface ServerGroupTable {
  id: string;
  name: string;
  description: string;
  created_at: Millis;
  updated_at: Millis;
}

export interface ProjectTable {
  id: string;
  name: string;
  version: string;
  context_path: string;
  status: string;
  description: string;
  tags: Json;
  target: Json;
  resources: Json;
  policies: Json;
  created_at: Millis;
  updated_at: Millis;
}

export interface DeploymentTable {
  project_id: string;
  server_group_id: string;
  context_path: string;
  deployed_at: Millis;
}

export interface ProductTable {
  id: string;
  name: string;
  description: string;
  access: string;
  key_approval: string;
  scopes: Json;
  quota: Json | null;
  created_at: Millis;
  updated_at: Millis;
}

/** Ordered link rows: product → server groups, product → projects, organization → products. */
export interface LinkTable {
  owner_id: string;
  target_id: string;
  position: number;
}

export interface OrganizationTable {
  id: string;
  name: string;
  administrators: Json;
  parent_id: string | null;
  created_at: Millis;
  updated_at: Millis;
}

export interface ClientTable {
  id: string;
  email: string;
  /** Lower-cased e-mail, unique: e-mails are unique regardless of case. */
  email_key: string;
  name: string;
  status: string;
  organization_id: string | null;
  attributes: Json;
  created_at: Millis;
  updated_at: Millis;
}

export interface SubscriptionTable {
  id: string;
  name: string;
  client_id: string;
  status: string;
  description: string;
  redirect_uri: string | null;
  properties: Json;
  created_at: Millis;
  updated_at: Millis;
}

export interface SubscriptionProductTable {
  subscription_id: string;
  product_id: string;
  position: number;
  status: string;
  key_prefix: string;
  /** SHA-256 of the consumer key; the key itself is never stored. */
  key_digest: string;
  secret_digest: string;
  previous_key_digest: string | null;
  previous_key_expires_at: Millis | null;
  key_issued_at: Millis;
  rate_plan_id: string | null;
  created_at: Millis;
}

/** A secret generated at the first start (e.g. `access-token-hmac`). */
export interface PlatformSecretTable {
  name: string;
  value: string;
}

/** The quota epoch of a subscription product (absent: 0). */
export interface QuotaEpochTable {
  subscription_id: string;
  product_id: string;
  epoch: number;
}

/** One row (id 1): the configuration version, incremented by every configuration write. */
export interface ConfigStateTable {
  id: number;
  version: Millis;
}

export interface GatewayNodeTable {
  id: string;
  server_group_id: string;
  address: string;
  config_version: number | null;
  started_at: Millis;
  last_seen_at: Millis;
}

/** One call through a gateway node (`AnalyticsEvent`); `request_id` is unique. */
export interface AnalyticsEventTable {
  received_at: Millis;
  request_id: string;
  server_group_id: string;
  node_id: string;
  project_id: string | null;
  project_version: string | null;
  resource_id: string | null;
  product_id: string | null;
  client_id: string | null;
  subscription_id: string | null;
  organization_id: string | null;
  method: string;
  status: number;
  error_code: string | null;
  /** `double precision` (REAL in SQLite). */
  latency_ms: number;
  backend_latency_ms: number | null;
  /** `bigint`. */
  bytes_in: number;
  bytes_out: number;
}

/** One series of one bucket as one writer counted it (`RollupRow`). */
export interface AnalyticsRollupTable {
  resolution: 'minute' | 'hour';
  dimension: string;
  value: string;
  bucket_start: Millis;
  server_group_id: string;
  writer_id: string;
  hits: number;
  errors_4xx: number;
  errors_5xx: number;
  latency_sum: number;
  backend_hits: number;
  backend_latency_sum: number;
  bytes_in: number;
  bytes_out: number;
  /** Latency sketches, `encodeSketch` bytes. */
  latency_sketch: Uint8Array;
  backend_latency_sketch: Uint8Array;
}

/** A project's trace session (`TraceSession`), times epoch ms. */
export interface TraceSessionTable {
  project_id: string;
  id: string;
  server_group_id: string | null;
  started_at: Millis;
  expires_at: Millis;
  max_calls: number;
}

/** One traced call: the list's columns and the whole `Trace` as JSON text. */
export interface TraceTable {
  id: string;
  session_id: string;
  project_id: string;
  server_group_id: string;
  node_id: string;
  received_at: Millis;
  method: string;
  path: string;
  status: number;
  duration_ms: number;
  document: string;
}

/** A user who administers Tollgate; `password_hash` is `nodePasswordHasher`'s scrypt string. */
export interface UserTable {
  username: string;
  display_name: string;
  email: string;
  status: string;
  password_hash: string;
  created_at: Millis;
  updated_at: Millis;
}

/** A group of users and groups; `built_in` is 1 for the default groups, else 0. */
export interface GroupTable {
  id: string;
  name: string;
  description: string;
  built_in: number;
  created_at: Millis;
  updated_at: Millis;
}

/** One member of a group: a user (by username) or a group (by id), in `position` order. */
export interface GroupMemberTable {
  group_id: string;
  member_type: 'user' | 'group';
  member_id: string;
  position: number;
}

/** A user's session or personal API token, by the SHA-256 digest of the token (`StoredToken`). */
export interface AuthTokenTable {
  digest: string;
  kind: 'session' | 'api';
  id: string;
  username: string;
  name: string;
  prefix: string;
  created_at: Millis;
  /** Null: never expires. */
  expires_at: Millis | null;
}

/** One global permission held by a user (by username) or a group (by id). */
export interface PermissionGrantTable {
  principal_type: 'user' | 'group';
  principal_id: string;
  permission: string;
}

/** One principal's word on one object's rights: `allow`, `deny` or `inherit`. */
export interface ObjectPermissionTable {
  object_type: string;
  object_id: string;
  principal_type: 'user' | 'group';
  principal_id: string;
  view: string;
  modify: string;
  deploy: string;
}

/**
 * One record of the audit log (`AuditRecord`), append-only (triggers refuse updates and
 * deletes). `seq` is assigned by the repository: 1, 2, 3, … without gaps.
 */
export interface AuditLogTable {
  seq: number;
  time: Millis;
  actor_type: 'user' | 'bootstrap' | 'anonymous';
  actor_id: string | null;
  source_ip: string;
  request_id: string;
  action: string;
  method: string;
  path: string;
  target_type: string | null;
  target_id: string | null;
  outcome: 'success' | 'failure' | 'denied';
  status: number;
  /** `AuditChanges` as JSON; null when nothing changed. */
  changes: Json | null;
  prev_hash: string;
  hash: string;
}

/** A product's rate plan (`RatePlan`); bands, fees and free calls as JSON, exactly as given. */
export interface RatePlanTable {
  id: string;
  product_id: string;
  name: string;
  description: string;
  currency: string;
  metering_type: string;
  rates: Json;
  fees: Json;
  freemium: Json;
  billing_period: string;
  duration_months: number | null;
  payment_due_days: number;
  mode: string;
  start_date: Millis;
  end_date: Millis | null;
  created_at: Millis;
  updated_at: Millis;
}

/** A product's transaction success criteria (`SuccessCriteria` as JSON); none: the default. */
export interface ProductSuccessCriteriaTable {
  product_id: string;
  criteria: Json;
}

/**
 * One change of the rate plan of a subscription product (`PlanChange`): from `effective_from`
 * on, the product is charged by `rate_plan_id` (null: no plan).
 */
export interface PlanChangeTable {
  subscription_id: string;
  product_id: string;
  effective_from: Millis;
  rate_plan_id: string | null;
}

/**
 * One call of a monetized product (`MeteredCall`), kept once per `request_id`; no foreign keys
 * (it outlives what it names). `billable` is 1 or 0.
 */
export interface MeteringLedgerTable {
  request_id: string;
  received_at: Millis;
  subscription_id: string;
  product_id: string;
  client_id: string;
  status: number;
  billable: number;
}

/**
 * An invoice (`StoredInvoice`); no foreign keys (it outlives what it names). `number` is null on a
 * draft; triggers refuse any change to a final invoice.
 */
export interface InvoiceTable {
  id: string;
  number: number | null;
  client_id: string;
  currency: string;
  period_start: Millis;
  period_end: Millis;
  status: 'draft' | 'final';
  /** `InvoiceLine[]`. */
  lines: Json;
  total: number;
  rated_at: Millis;
  finalized_at: Millis | null;
  due_at: Millis | null;
  created_at: Millis;
}

/** A credit to a client's prepaid balance (`StoredTopUp`); no foreign key, like invoices. */
export interface BalanceTopUpTable {
  id: string;
  client_id: string;
  currency: string;
  amount: number;
  note: string;
  created_at: Millis;
}

/** A client's prepaid balance in a currency that is used up; deleted with the client. */
export interface ExhaustedBalanceTable {
  client_id: string;
  currency: string;
}

/** One row (id 1) a rating run updates first, to hold its lock until it ends; `runs` counts them. */
export interface RatingLockTable {
  id: number;
  runs: number;
}

/** The tables Kysely knows. Link tables share one shape. */
export interface Database {
  server_groups: ServerGroupTable;
  projects: ProjectTable;
  deployments: DeploymentTable;
  products: ProductTable;
  product_server_groups: LinkTable;
  product_projects: LinkTable;
  organizations: OrganizationTable;
  organization_products: LinkTable;
  clients: ClientTable;
  subscriptions: SubscriptionTable;
  subscription_products: SubscriptionProductTable;
  config_state: ConfigStateTable;
  gateway_nodes: GatewayNodeTable;
  quota_epochs: QuotaEpochTable;
  platform_secrets: PlatformSecretTable;
  analytics_events: AnalyticsEventTable;
  analytics_rollups: AnalyticsRollupTable;
  trace_sessions: TraceSessionTable;
  traces: TraceTable;
  users: UserTable;
  groups: GroupTable;
  group_members: GroupMemberTable;
  auth_tokens: AuthTokenTable;
  permission_grants: PermissionGrantTable;
  object_permissions: ObjectPermissionTable;
  audit_log: AuditLogTable;
  rate_plans: RatePlanTable;
  product_success_criteria: ProductSuccessCriteriaTable;
  plan_changes: PlanChangeTable;
  metering_ledger: MeteringLedgerTable;
  invoices: InvoiceTable;
  balance_top_ups: BalanceTopUpTable;
  exhausted_balances: ExhaustedBalanceTable;
  rating_lock: RatingLockTable;
}
