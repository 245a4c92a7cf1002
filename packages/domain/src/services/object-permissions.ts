import {
  GLOBAL_PERMISSION_OF,
  OBJECT_RIGHTS,
  type ObjectPermissionEntry,
  type ObjectPermissions,
  type ObjectRight,
  type ObjectType,
} from '../entities/object-permission.js';
import type { PrincipalRef } from '../entities/permission.js';
import { invalidField, TollgateError } from '../errors/catalogue.js';
import type { IdScope, Repositories } from '../ports/repositories.js';
import type { Principal } from './auth.js';
import { require, type ServiceContext } from './context.js';
import { decideObjectRight, viewScope } from './object-access.js';
import { holds, principalsOf } from './permissions.js';

type UserPrincipal = Extract<Principal, { kind: 'user' }>;

/** The principals whose entries speak for the user: itself and its groups. */
const speakersFor = (principal: UserPrincipal): PrincipalRef[] => principalsOf(principal.user.username, principal.groups);

const asker = (principal: UserPrincipal) => ({ username: principal.user.username, groups: principal.groups });

const globally = (principal: Principal, type: ObjectType, right: ObjectRight) => {
  const permission = GLOBAL_PERMISSION_OF[type][right];
  return permission !== undefined && holds(principal, permission);
};

const key = (principal: PrincipalRef) => `${principal.type}:${principal.id}`;

/** The rights an entry decides, `deploy` only on projects; an entry deciding none is no entry. */
function normalized(type: ObjectType, entry: ObjectPermissionEntry): ObjectPermissionEntry {
  const { principal, view, modify } = entry;
  return type === 'project' ? { principal, view, modify, deploy: entry.deploy ?? 'inherit' } : { principal, view, modify };
}

const decidesSomething = (entry: ObjectPermissionEntry) => OBJECT_RIGHTS.some((right) => (entry[right] ?? 'inherit') !== 'inherit');

/**
 * Per-object permissions on projects, products, clients, subscriptions and organizations: who
 * may view, modify (and deploy, on projects) one object beyond or short of their global
 * permissions. The rule is `decideObjectRight`'s.
 */
export class ObjectPermissionService {
  constructor(private readonly context: ServiceContext) {}

  /** Whether the principal has the right on the object (the bootstrap token has every right). */
  async allows(
    principal: Principal,
    type: ObjectType,
    id: string,
    right: ObjectRight,
    repos: Pick<Repositories, 'objectPermissions'> = this.context.store,
  ): Promise<boolean> {
    if (principal.kind === 'bootstrap') return true;
    const entries = await repos.objectPermissions.forPrincipals(type, speakersFor(principal), id);
    return decideObjectRight(entries, asker(principal), right, globally(principal, type, right));
  }

  /** Which objects of the type the principal may list; undefined: every one. */
  async viewScope(principal: Principal, type: ObjectType): Promise<IdScope | undefined> {
    if (principal.kind === 'bootstrap') return undefined;
    const entries = await this.context.store.objectPermissions.forPrincipals(type, speakersFor(principal));
    return viewScope(entries, asker(principal), globally(principal, type, 'view'));
  }

  /** The object's entries; 404 when the object does not exist. */
  async get(type: ObjectType, id: string): Promise<ObjectPermissions> {
    await this.requireObject(this.context.store, type, id);
    const entries = await this.context.store.objectPermissions.forObject(type, id);
    return { entries: entries.map((entry) => normalized(type, entry)) };
  }

  /**
   * Replaces the object's entries (an entry whose rights are all `inherit` is dropped). Refused
   * with 403: changing an entry of the caller's own user or of a group it is in; changing a right
   * the caller does not have on this object itself.
   */
  set(actor: Principal, type: ObjectType, id: string, input: ObjectPermissions): Promise<ObjectPermissions> {
    return this.context.store.transaction(async (repos) => {
      await this.requireObject(repos, type, id);
      await this.validate(repos, type, input.entries);
      const next = input.entries.map((entry) => normalized(type, entry)).filter(decidesSomething);
      const current = new Map(
        (await repos.objectPermissions.forObject(type, id)).map((entry) => [key(entry.principal), normalized(type, entry)]),
      );
      const changed = new Set<ObjectRight>();
      const touched: PrincipalRef[] = [];
      const inherit = (principal: PrincipalRef): ObjectPermissionEntry =>
        normalized(type, { principal, view: 'inherit', modify: 'inherit' });
      const nextByKey = new Map(next.map((entry) => [key(entry.principal), entry]));
      for (const principalKey of new Set([...current.keys(), ...nextByKey.keys()])) {
        const before = current.get(principalKey);
        const after = nextByKey.get(principalKey);
        const principal = (before ?? after)?.principal as PrincipalRef;
        const rights = OBJECT_RIGHTS.filter((right) => (before ?? inherit(principal))[right] !== (after ?? inherit(principal))[right]);
        if (rights.length === 0) continue;
        touched.push(principal);
        for (const right of rights) changed.add(right);
      }
      if (actor.kind === 'user') {
        const own = touched.find(
          (p) => (p.type === 'user' && p.id === actor.user.username) || (p.type === 'group' && actor.groups.includes(p.id)),
        );
        if (own !== undefined) {
          throw new TollgateError('FORBIDDEN', `nobody may change their own permissions (${own.type} '${own.id}' is the caller's)`);
        }
        const notHeld: ObjectRight[] = [];
        for (const right of changed) if (!(await this.allows(actor, type, id, right, repos))) notHeld.push(right);
        if (notHeld.length > 0) {
          throw new TollgateError(
            'FORBIDDEN',
            `the caller may not grant or deny rights it does not have on this ${type}: ${notHeld.join(', ')}`,
          );
        }
      }
      await repos.objectPermissions.replace(type, id, next);
      return { entries: (await repos.objectPermissions.forObject(type, id)).map((entry) => normalized(type, entry)) };
    });
  }

  /** 400 naming the entry: `deploy` outside projects, a principal twice, an unknown principal. */
  private async validate(repos: Repositories, type: ObjectType, entries: readonly ObjectPermissionEntry[]): Promise<void> {
    const seen = new Set<string>();
    for (const [index, entry] of entries.entries()) {
      if (type !== 'project' && entry.deploy !== undefined) {
        throw invalidField(`entries.${index}.deploy`, `is for projects only, not a ${type}`);
      }
      if (seen.has(key(entry.principal))) throw invalidField(`entries.${index}.principal`, 'appears in an earlier entry');
      seen.add(key(entry.principal));
      const { type: principalType, id } = entry.principal;
      const exists = principalType === 'user' ? await repos.users.get(id) : await repos.groups.get(id);
      if (exists === undefined) throw invalidField(`entries.${index}.principal`, `${principalType} '${id}' does not exist`);
    }
  }

  private requireObject(repos: Repositories, type: ObjectType, id: string): Promise<unknown> {
    const lookups: { [T in ObjectType]: (id: string) => Promise<unknown> } = {
      project: (id) => repos.projects.get(id),
      product: (id) => repos.products.get(id),
      client: (id) => repos.clients.get(id),
      subscription: (id) => repos.subscriptions.get(id),
      organization: (id) => repos.organizations.get(id),
    };
    return require(lookups[type](id), type, id);
  }
}
