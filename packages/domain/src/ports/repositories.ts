import type { Client, ClientStatus } from '../entities/client.js';
import type { Page, PageRequest } from '../entities/common.js';
import type { ObjectPermissionEntry, ObjectType, StoredObjectEntry } from '../entities/object-permission.js';
import type { Organization } from '../entities/organization.js';
import type { PermissionGrant, PrincipalRef } from '../entities/permission.js';
import type { Product } from '../entities/product.js';
import type { Deployment, Project, ProjectStatus } from '../entities/project.js';
import type { RatePlan } from '../entities/rate-plan.js';
import type { ServerGroup } from '../entities/server-group.js';
import type { SubscriptionRecord } from '../entities/subscription.js';
import type { SuccessCriteria } from '../entities/success-criteria.js';
import type { Group, User } from '../entities/user.js';
import type { AnalyticsStore } from './analytics.js';
import type { AuditLog } from './audit.js';
import type { AuthTokenStore } from './auth.js';
import type { BillingStore, ExhaustedBalanceRepository } from './billing.js';
import type { GatewayConfigSource, NodeRegistry } from './gateway.js';
import type { MeteringLedger } from './metering.js';
import type { TraceSessionRepository, TraceStore } from './traces.js';

/**
 * Storage of one kind of entity. `insert` and `update` write the whole entity; a unique
 * violation throws `CONFLICT`, deleting a row still referenced throws `REFERENCED`
 * (both as {@link TollgateError}), so services need no driver knowledge.
 */
export interface Repository<T, F> {
  get(id: string): Promise<T | undefined>;
  list(filter: F, page: PageRequest): Promise<Page<T>>;
  insert(entity: T): Promise<void>;
  update(entity: T): Promise<void>;
  /** False when there was nothing to delete. */
  delete(id: string): Promise<boolean>;
}

export type ServerGroupFilter = Record<string, never>;

/**
 * Which objects a list may show, from their per-object permissions: all but `except`, or
 * `only` these. Set by the service for the caller, never from the query string.
 */
export type IdScope = { except: readonly string[] } | { only: readonly string[] };

/** What the lists of objects with per-object permissions are filtered by, besides their own filters. */
export interface Scoped {
  scope?: IdScope | undefined;
}

/**
 * The search box of a list (`q`, 1–100 characters, taken as given): keeps the objects one of whose
 * searched fields, named by each filter, contains `q` ignoring case. `%`, `_` and `\` in it are
 * plain characters, so what the user types is what is looked for. ASCII letters match in any case
 * on every database; other letters may not fold alike (PostgreSQL folds them by its locale, SQLite
 * not at all), an accepted difference for a search box.
 */
export interface Searched {
  /** Text that one of the searched fields contains, ignoring case. */
  q?: string | undefined;
}

/** `q` searches the id, name and context path. */
export interface ProjectFilter extends Scoped, Searched {
  /** Only projects deployed to this group. */
  serverGroupId?: string | undefined;
  status?: ProjectStatus | undefined;
}

export interface ProjectRepository extends Repository<Project, ProjectFilter> {
  listDeployments(projectId: string): Promise<Deployment[]>;
  /** The deployment holding a context path in a group, if any. */
  findDeploymentByContextPath(serverGroupId: string, contextPath: string): Promise<Deployment | undefined>;
  insertDeployment(deployment: Deployment): Promise<void>;
  deleteDeployment(projectId: string, serverGroupId: string): Promise<boolean>;
  /** Moves every deployment of a project to a new context path (unique per group: `CONFLICT`). */
  updateDeploymentContextPath(projectId: string, contextPath: string): Promise<void>;
}

/** `q` searches the id and name. */
export interface ProductFilter extends Scoped, Searched {
  /** Only products offered in this group. */
  serverGroupId?: string | undefined;
  /** Only products this organization offers. */
  organizationId?: string | undefined;
  access?: Product['access'] | undefined;
}

export type ProductRepository = Repository<Product, ProductFilter>;

/** `q` searches the id and name. */
export interface OrganizationFilter extends Scoped, Searched {
  parentId?: string | undefined;
  /** Only organizations offering this product. */
  productId?: string | undefined;
}

export type OrganizationRepository = Repository<Organization, OrganizationFilter>;

/** `q` searches the id, name and e-mail. */
export interface ClientFilter extends Scoped, Searched {
  organizationId?: string | undefined;
  status?: ClientStatus | undefined;
}

export interface ClientRepository extends Repository<Client, ClientFilter> {
  /** Case-insensitive. */
  findByEmail(email: string): Promise<Client | undefined>;
}

/** `q` searches the id and name. */
export interface SubscriptionFilter extends Scoped, Searched {
  clientId?: string | undefined;
  /** Subscriptions of the organization's clients. */
  organizationId?: string | undefined;
  status?: SubscriptionRecord['status'] | undefined;
  /** Subscriptions holding a key for this product. */
  productId?: string | undefined;
}

export type SubscriptionRepository = Repository<SubscriptionRecord, SubscriptionFilter>;

/** Quota counters are keyed by an epoch per subscription product; a reset starts a new epoch. */
export interface QuotaRepository {
  /** Increments the subscription product's quota epoch and returns the new one. */
  reset(subscriptionId: string, productId: string): Promise<number>;
}

/** Every repository, as seen inside one transaction. */
export interface UserFilter {
  /** Only direct members of this group. */
  groupId?: string | undefined;
  status?: User['status'] | undefined;
}

/** Users; `groups` is read from and written to the groups' member lists. */
export interface UserRepository extends Omit<Repository<User, UserFilter>, 'insert' | 'update'> {
  /** Inserts the user with its password hash, and adds it to `user.groups`. */
  insert(user: User, passwordHash: string): Promise<void>;
  /** Writes the user; its direct memberships become exactly `user.groups`; a new hash when given. */
  update(user: User, passwordHash?: string): Promise<void>;
  passwordHashOf(username: string): Promise<string | undefined>;
}

export type GroupFilter = Record<string, never>;

/** Groups with their members (`builtIn` is stored). Unknown members: `REFERENCED`-free, checked by the service. */
export type GroupRepository = Repository<Group, GroupFilter>;

/** Global permission grants, one set per principal. */
export interface PermissionGrantRepository {
  /** Every principal's grant (principals without any permission are left out), by type then id. */
  list(): Promise<PermissionGrant[]>;
  /** The grants of these principals (a user and its groups). */
  forPrincipals(principals: readonly PrincipalRef[]): Promise<PermissionGrant[]>;
  /** Replaces the principal's permissions (an empty list removes the grant). */
  set(grant: PermissionGrant): Promise<void>;
}

/** Per-object permission entries (see `decideObjectRight`). */
export interface ObjectPermissionRepository {
  /** The object's entries, by principal type then id. */
  forObject(type: ObjectType, id: string): Promise<StoredObjectEntry[]>;
  /** The entries on objects of `type` (on object `id` only, when given) naming one of `principals`. */
  forPrincipals(type: ObjectType, principals: readonly PrincipalRef[], id?: string): Promise<StoredObjectEntry[]>;
  /** Replaces the object's entries. */
  replace(type: ObjectType, id: string, entries: readonly ObjectPermissionEntry[]): Promise<void>;
}

/** Rate plans, each of one product; ids are unique across products. */
export interface RatePlanRepository {
  get(id: string): Promise<RatePlan | undefined>;
  /** The product's plans, by id. */
  listByProduct(productId: string): Promise<RatePlan[]>;
  insert(plan: RatePlan): Promise<void>;
  update(plan: RatePlan): Promise<void>;
  /** False when there was nothing to delete. */
  delete(id: string): Promise<boolean>;
}

/** From `effectiveFrom` on (epoch ms), a subscription's product is charged by `ratePlanId` (null: no plan). */
export interface PlanChange {
  subscriptionId: string;
  productId: string;
  effectiveFrom: number;
  ratePlanId: string | null;
}

/**
 * The history of the rate plan of each subscription product: what rating and the limit check read
 * to know which plan applied when. A subscription's history goes with it; a plan named in any
 * history cannot be deleted (`REFERENCED`).
 */
export interface PlanChangeRepository {
  /** The subscription's changes (one product's, when given), by product then `effectiveFrom`. */
  history(subscriptionId: string, productId?: string): Promise<PlanChange[]>;
  /** Every subscription's changes, by subscription, product, then `effectiveFrom`: what rating walks. */
  all(): Promise<PlanChange[]>;
  /** Whether any history names the plan (it has been, or is to be, in effect somewhere). */
  uses(ratePlanId: string): Promise<boolean>;
  /** Records a change, replacing any change of that subscription product at or after its `effectiveFrom`. */
  schedule(change: PlanChange): Promise<void>;
}

/** Each product's transaction success criteria; a product without is billed by `DEFAULT_SUCCESS_CRITERIA`. */
export interface SuccessCriteriaRepository {
  get(productId: string): Promise<SuccessCriteria | undefined>;
  set(productId: string, criteria: SuccessCriteria): Promise<void>;
}

export interface Repositories {
  serverGroups: Repository<ServerGroup, ServerGroupFilter>;
  projects: ProjectRepository;
  products: ProductRepository;
  organizations: OrganizationRepository;
  clients: ClientRepository;
  subscriptions: SubscriptionRepository;
  quotas: QuotaRepository;
  traceSessions: TraceSessionRepository;
  users: UserRepository;
  groups: GroupRepository;
  permissions: PermissionGrantRepository;
  objectPermissions: ObjectPermissionRepository;
  ratePlans: RatePlanRepository;
  successCriteria: SuccessCriteriaRepository;
  planChanges: PlanChangeRepository;
  exhaustedBalances: ExhaustedBalanceRepository;
}

/**
 * The configuration store: repositories plus transactions. Every write through a repository
 * increments the configuration version in the same transaction, which is how gateway nodes
 * learn that their snapshot is stale.
 */
export interface Store extends Repositories {
  /**
   * Runs `work` in one transaction: all its writes land, or none. Everything `work` calls through
   * this store, directly or through services, runs in that transaction too (an ambient
   * transaction, carried by the async context); a `transaction` inside one joins it.
   */
  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>;
  /** Read side for gateway nodes. */
  gatewayConfig: GatewayConfigSource;
  nodes: NodeRegistry;
  /** Analytics events and rollups from gateway nodes; not configuration (bumps no version). */
  analytics: AnalyticsStore;
  /** Traced calls from gateway nodes; not configuration (bumps no version). */
  traces: TraceStore;
  /** Login sessions and personal API tokens; not configuration (bumps no version). */
  authTokens: AuthTokenStore;
  /** Who did what through the management API; not configuration (bumps no version). */
  audit: AuditLog;
  /** Monetized calls from gateway nodes; not configuration (bumps no version). */
  metering: MeteringLedger;
  /** Invoices and prepaid top-ups; not configuration (bumps no version). */
  billing: BillingStore;
  close(): Promise<void>;
}
