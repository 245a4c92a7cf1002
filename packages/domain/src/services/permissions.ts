import { PERMISSIONS, type Permission, type PermissionGrant, type PrincipalRef } from '../entities/permission.js';
import { invalidField, TollgateError } from '../errors/catalogue.js';
import type { Repositories } from '../ports/repositories.js';
import type { Principal } from './auth.js';
import type { ServiceContext } from './context.js';

/** The principals whose grants and entries speak for a user: itself, then each of its groups. */
export function principalsOf(username: string, groups: readonly string[]): PrincipalRef[] {
  return [{ type: 'user', id: username }, ...groups.map((id) => ({ type: 'group' as const, id }))];
}

/**
 * A user's effective global permissions: the union of its own grant and those of every group it
 * is in (`groups`: nested ones included, `everyone` first, as `groupsOf` answers).
 */
export async function effectivePermissions(
  repos: Pick<Repositories, 'permissions'>,
  username: string,
  groups: readonly string[],
): Promise<ReadonlySet<Permission>> {
  const grants = await repos.permissions.forPrincipals(principalsOf(username, groups));
  return new Set(grants.flatMap((grant) => grant.permissions));
}

/** Whether the principal holds the permission (the bootstrap token holds every one). */
export function holds(principal: Principal, permission: Permission): boolean {
  return principal.kind === 'bootstrap' || principal.permissions.has(permission);
}

/** Global permissions: who holds which, and the rules for changing them. */
export class PermissionService {
  constructor(private readonly context: ServiceContext) {}

  list(): Promise<PermissionGrant[]> {
    return this.context.store.permissions.list();
  }

  /** The principal's own grant (not what it inherits from groups); empty when it has none. */
  async get(principal: PrincipalRef): Promise<PermissionGrant> {
    await this.requirePrincipal(principal);
    const [grant] = await this.context.store.permissions.forPrincipals([principal]);
    return grant ?? { principal, permissions: [] };
  }

  /**
   * Replaces the principal's permissions. Nobody edits their own permissions (their user, or a
   * group they are in), and nobody adds or removes a permission they do not hold themselves: 403.
   */
  set(actor: Principal, principal: PrincipalRef, permissions: readonly Permission[]): Promise<PermissionGrant> {
    return this.context.store.transaction(async (repos) => {
      await this.requirePrincipal(principal, repos);
      if (actor.kind === 'user') {
        const own =
          (principal.type === 'user' && principal.id === actor.user.username) ||
          (principal.type === 'group' && actor.groups.includes(principal.id));
        if (own)
          throw new TollgateError(
            'FORBIDDEN',
            `nobody may change their own permissions (${principal.type} '${principal.id}' is the caller's)`,
          );
      }
      const [current] = await repos.permissions.forPrincipals([principal]);
      const before = new Set(current?.permissions ?? []);
      const after = new Set(permissions);
      const changed = PERMISSIONS.filter((p) => before.has(p) !== after.has(p));
      const notHeld = changed.filter((p) => !holds(actor, p));
      if (notHeld.length > 0) {
        throw new TollgateError('FORBIDDEN', `the caller may not grant or revoke permissions it does not hold: ${notHeld.join(', ')}`);
      }
      const grant: PermissionGrant = { principal, permissions: PERMISSIONS.filter((p) => after.has(p)) };
      await repos.permissions.set(grant);
      return grant;
    });
  }

  private async requirePrincipal(
    principal: PrincipalRef,
    repos: Pick<Repositories, 'users' | 'groups'> = this.context.store,
  ): Promise<void> {
    const exists = principal.type === 'user' ? await repos.users.get(principal.id) : await repos.groups.get(principal.id);
    if (exists === undefined) throw invalidField('principal', `${principal.type} '${principal.id}' does not exist`);
  }
}
