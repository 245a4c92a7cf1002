import type { AuditChanges, AuditEntry, AuditFilter, AuditRecord, AuditTarget } from '../entities/audit.js';
import type { Page, PageRequest } from '../entities/common.js';
import type { ObjectType } from '../entities/object-permission.js';
import type { Repositories } from '../ports/repositories.js';
import type { ServiceContext } from './context.js';

/** A target's state as the audit log compares it: plain JSON fields. */
export type AuditSnapshot = Record<string, unknown>;

/** What replaces a secret's value in a record. */
export const REDACTED = '[redacted]';

/**
 * Field names whose values never reach the log: passwords, secrets, tokens and keys, wherever they
 * are nested (policy configurations included). Key prefixes and ids are not secrets.
 */
const SECRET_FIELD = /^(password|secret|token|key|apikey|privatekey|credentials?)$|(password|secret|token)$/i;

/** A copy of `value` with every secret field's value replaced by `REDACTED`. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, SECRET_FIELD.test(key) ? REDACTED : redactSecrets(field)]));
}

/**
 * The top-level fields that differ between two snapshots, each side holding only those, secrets
 * redacted (a changed secret shows as a change of `REDACTED` to `REDACTED`). Null when nothing
 * changed; a side is null when the target did not exist on it.
 */
export function diffSnapshots(before: AuditSnapshot | null, after: AuditSnapshot | null): AuditChanges | null {
  if (before === null && after === null) return null;
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changed = [...keys].filter((key) => JSON.stringify(before?.[key]) !== JSON.stringify(after?.[key]));
  if (changed.length === 0) return null;
  const pick = (snapshot: AuditSnapshot | null) =>
    snapshot === null
      ? null
      : (redactSecrets(Object.fromEntries(changed.filter((key) => key in snapshot).map((key) => [key, snapshot[key]]))) as AuditSnapshot);
  return { before: pick(before), after: pick(after) };
}

/** Plain JSON of an entity (dates as strings, no undefined). */
const plain = (value: unknown): AuditSnapshot => JSON.parse(JSON.stringify(value));

/**
 * The audit log: records of who did what through the management API, written by the API in the
 * transaction of the change they report, and the snapshots it compares before and after a call.
 */
export class AuditService {
  constructor(private readonly context: ServiceContext) {}

  /** Runs `work` in one transaction: everything it changes, and the record of it, commit together. */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.context.store.transaction(() => work());
  }

  /** Appends a record stamped with the current time (in the ambient transaction, when there is one). */
  record(entry: Omit<AuditEntry, 'time'>): Promise<AuditRecord> {
    return this.context.store.audit.append({ time: this.context.clock.now().toISOString(), ...entry });
  }

  /** The records matching the filter, newest first. */
  list(filter: AuditFilter, page: PageRequest): Promise<Page<AuditRecord>> {
    return this.context.store.audit.list(filter, page);
  }

  /**
   * The target's state: the entity with what hangs off it (per-object permissions, a project's
   * deployments and trace session, a user's or group's global permissions, a user's API tokens);
   * null when it does not exist or is not a kind the log snapshots.
   */
  async snapshot(target: AuditTarget): Promise<AuditSnapshot | null> {
    const store = this.context.store;
    const withEntries = async (type: ObjectType, entity: unknown) =>
      entity === undefined ? null : { ...plain(entity), permissions: plain(await store.objectPermissions.forObject(type, target.id)) };
    switch (target.type) {
      case 'project': {
        const project = await store.projects.get(target.id);
        if (project === undefined) return null;
        const trace = await store.traceSessions.get(target.id);
        return {
          ...(await withEntries('project', project)),
          deployments: plain(await store.projects.listDeployments(target.id)),
          trace: trace === undefined ? null : plain(trace),
        };
      }
      case 'product': {
        const product = await withEntries('product', await store.products.get(target.id));
        if (product === null) return null;
        return {
          ...product,
          ratePlans: plain(await store.ratePlans.listByProduct(target.id)),
          successCriteria: plain((await store.successCriteria.get(target.id)) ?? null),
        };
      }
      case 'client': {
        const client = await withEntries('client', await store.clients.get(target.id));
        return client === null ? null : { ...client, topUps: plain(await store.billing.topUps(target.id)) };
      }
      case 'subscription':
        return withEntries('subscription', await store.subscriptions.get(target.id));
      case 'organization':
        return withEntries('organization', await store.organizations.get(target.id));
      case 'invoice': {
        const invoice = await store.billing.getInvoice(target.id);
        return invoice === undefined ? null : plain(invoice);
      }
      case 'server-group': {
        const group = await store.serverGroups.get(target.id);
        return group === undefined ? null : plain(group);
      }
      case 'user':
        return this.userSnapshot(store, target.id);
      case 'group': {
        const group = await store.groups.get(target.id);
        if (group === undefined) return null;
        return { ...plain(group), permissions: await this.globalPermissions(store, 'group', target.id) };
      }
      default:
        return null;
    }
  }

  private async userSnapshot(store: ServiceContext['store'], username: string): Promise<AuditSnapshot | null> {
    const user = await store.users.get(username);
    if (user === undefined) return null;
    const tokens = await store.authTokens.listApiTokens(username);
    return {
      ...plain(user),
      permissions: await this.globalPermissions(store, 'user', username),
      apiTokens: tokens.map(({ id, name, prefix, expiresAt }) => ({ id, name, prefix, expiresAt })),
    };
  }

  private async globalPermissions(repos: Pick<Repositories, 'permissions'>, type: 'user' | 'group', id: string): Promise<string[]> {
    const [grant] = await repos.permissions.forPrincipals([{ type, id }]);
    return grant?.permissions ?? [];
  }
}
