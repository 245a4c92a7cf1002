import {
  type ApiToken,
  type ApiTokenCreate,
  type IssuedApiToken,
  type Login,
  SESSION_HOURS,
  type Session,
  type WhoAmI,
} from '../entities/auth.js';
import { PERMISSIONS, type Permission } from '../entities/permission.js';
import { ADMINISTRATORS, EVERYONE, type User } from '../entities/user.js';
import { notFound, TollgateError } from '../errors/catalogue.js';
import type { StoredToken } from '../ports/auth.js';
import type { Repositories } from '../ports/repositories.js';
import { require, type ServiceContext } from './context.js';
import { effectivePermissions } from './permissions.js';
import { UserService } from './users.js';

/** Who a request acts as: the bootstrap token, or a user through a session or an API token. */
export type Principal =
  | { kind: 'bootstrap' }
  | {
      kind: 'user';
      user: User;
      via: 'session' | 'api-token';
      tokenDigest: string;
      groups: string[];
      /** Effective global permissions: the user's and its groups'. */
      permissions: ReadonlySet<Permission>;
    };

/** Every group `user` is in, nested groups included: `everyone` first, then by id. */
export async function groupsOf(repos: Pick<Repositories, 'groups'>, user: User): Promise<string[]> {
  // Which groups hold each group: read once, then walked upwards from the user's own groups.
  const parents = new Map<string, string[]>();
  let cursor: string | undefined;
  do {
    const page = await repos.groups.list({}, { limit: 100, cursor });
    for (const group of page.items) {
      for (const member of group.members.groups) parents.set(member, [...(parents.get(member) ?? []), group.id]);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  const found = new Set<string>();
  const pending = [...user.groups];
  while (pending.length > 0) {
    const id = pending.pop() as string;
    if (found.has(id)) continue;
    found.add(id);
    pending.push(...(parents.get(id) ?? []));
  }
  found.delete(EVERYONE);
  return [EVERYONE, ...[...found].sort()];
}

const toApiToken = (token: StoredToken): ApiToken => ({
  id: token.id,
  name: token.name,
  prefix: token.prefix,
  createdAt: new Date(token.createdAt).toISOString(),
  expiresAt: token.expiresAt === null ? null : new Date(token.expiresAt).toISOString(),
});

/**
 * Authentication: login sessions and personal API tokens, both random bearer tokens stored as
 * digests with an expiry, revocable. Brute-force throttling is the HTTP layer's (it knows the
 * client's address).
 */
export class AuthService {
  private readonly users: UserService;

  constructor(private readonly context: ServiceContext) {
    this.users = new UserService(context);
  }

  /** A session for the user whose password this is; 401 (the same for an unknown user and a wrong password). */
  async login(input: Login): Promise<Session> {
    const user = await this.users.authenticate(input.username, input.password);
    // Without LOGIN the answer is the same as for a wrong password: nothing tells the cases apart.
    const rights = user === undefined ? undefined : await this.rightsOf(user);
    if (user === undefined || rights === undefined) throw new TollgateError('UNAUTHENTICATED', 'the username or the password is not valid');
    const now = this.context.clock.now().getTime();
    const issued = this.context.credentials.issueToken('session');
    const expiresAt = now + SESSION_HOURS * 3_600_000;
    await this.context.store.authTokens.insert({
      digest: issued.digest,
      kind: 'session',
      id: this.context.ids.next(),
      username: user.username,
      name: '',
      prefix: issued.prefix,
      createdAt: now,
      expiresAt,
    });
    return { token: issued.token, expiresAt: new Date(expiresAt).toISOString() };
  }

  /** Ends the session (or revokes the API token) the request came with. */
  async logout(token: string): Promise<void> {
    await this.context.store.authTokens.delete(this.context.credentials.digest(token));
  }

  /** The user a bearer token stands for; undefined when unknown, expired, or the user is gone or disabled. */
  async authenticate(token: string): Promise<Principal | undefined> {
    const digest = this.context.credentials.digest(token);
    const stored = await this.context.store.authTokens.find(digest);
    if (stored === undefined) return undefined;
    if (stored.expiresAt !== null && stored.expiresAt <= this.context.clock.now().getTime()) return undefined;
    const user = await this.context.store.users.get(stored.username);
    if (user === undefined || user.status !== 'active') return undefined;
    const rights = await this.rightsOf(user);
    if (rights === undefined) return undefined;
    return { kind: 'user', user, via: stored.kind === 'session' ? 'session' : 'api-token', tokenDigest: digest, ...rights };
  }

  /**
   * The user's groups (nested included) and effective permissions; undefined without LOGIN,
   * the right to use the API at all: taking it away refuses logins and ends sessions and tokens.
   */
  private async rightsOf(user: User): Promise<{ groups: string[]; permissions: ReadonlySet<Permission> } | undefined> {
    const groups = await groupsOf(this.context.store, user);
    const permissions = await effectivePermissions(this.context.store, user.username, groups);
    return permissions.has('LOGIN') ? { groups, permissions } : undefined;
  }

  /** What `GET /api/v1/auth/me` answers. */
  whoAmI(principal: Principal): WhoAmI {
    if (principal.kind === 'bootstrap') {
      return {
        username: null,
        displayName: 'Bootstrap admin token',
        groups: [EVERYONE, ADMINISTRATORS],
        administrator: true,
        permissions: [...PERMISSIONS],
        via: 'bootstrap-token',
      };
    }
    return {
      username: principal.user.username,
      displayName: principal.user.displayName,
      groups: principal.groups,
      administrator: principal.groups.includes(ADMINISTRATORS),
      permissions: PERMISSIONS.filter((permission) => principal.permissions.has(permission)),
      via: principal.via,
    };
  }

  /** Issues a personal API token for the user; the token is in this answer only. */
  async createApiToken(username: string, input: ApiTokenCreate): Promise<IssuedApiToken> {
    await require(this.context.store.users.get(username), 'user', username);
    const now = this.context.clock.now().getTime();
    const issued = this.context.credentials.issueToken('api');
    const stored: StoredToken = {
      digest: issued.digest,
      kind: 'api',
      id: this.context.ids.next(),
      username,
      name: input.name,
      prefix: issued.prefix,
      createdAt: now,
      expiresAt: input.expiresInDays === undefined ? null : now + input.expiresInDays * 86_400_000,
    };
    await this.context.store.authTokens.insert(stored);
    return { ...toApiToken(stored), token: issued.token };
  }

  async listApiTokens(username: string): Promise<ApiToken[]> {
    await require(this.context.store.users.get(username), 'user', username);
    return (await this.context.store.authTokens.listApiTokens(username)).map(toApiToken);
  }

  async revokeApiToken(username: string, id: string): Promise<void> {
    await require(this.context.store.users.get(username), 'user', username);
    if (!(await this.context.store.authTokens.deleteApiToken(username, id))) throw notFound('API token', id);
  }
}
