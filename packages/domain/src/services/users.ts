import type { Page, PageRequest } from '../entities/common.js';
import { EVERYONE, type User, type UserCreate, type UserUpdate } from '../entities/user.js';
import { notFound } from '../errors/catalogue.js';
import type { Repositories, UserFilter } from '../ports/repositories.js';
import { applyPatch, require, type ServiceContext, throwIfInvalid, timestamp } from './context.js';

const KIND = 'user';

/** The direct memberships a user may be given: existing groups, never `everyone` (implicit). */
async function checkGroups(repos: Repositories, groups: readonly string[]): Promise<void> {
  const fields: Record<string, string> = {};
  for (const [index, id] of groups.entries()) {
    if (id === EVERYONE) fields[`groups.${index}`] = 'everyone holds every user implicitly';
    else if ((await repos.groups.get(id)) === undefined) fields[`groups.${index}`] = `group '${id}' does not exist`;
  }
  throwIfInvalid(fields);
}

/** Users who administer Tollgate: created with a password (stored as a scrypt hash only). */
export class UserService {
  constructor(private readonly context: ServiceContext) {}

  async create(input: UserCreate): Promise<User> {
    const passwordHash = await this.context.passwords.hash(input.password);
    return this.context.store.transaction(async (repos) => {
      const groups = input.groups ?? [];
      await checkGroups(repos, groups);
      const now = timestamp(this.context);
      const user: User = {
        username: input.username,
        displayName: input.displayName,
        email: input.email,
        status: 'active',
        groups: [...groups],
        createdAt: now,
        updatedAt: now,
      };
      await repos.users.insert(user, passwordHash);
      return user;
    });
  }

  get(username: string): Promise<User> {
    return require(this.context.store.users.get(username), KIND, username);
  }

  list(filter: UserFilter, page: PageRequest): Promise<Page<User>> {
    return this.context.store.users.list(filter, page);
  }

  async update(username: string, patch: UserUpdate): Promise<User> {
    const passwordHash = patch.password === undefined ? undefined : await this.context.passwords.hash(patch.password);
    return this.context.store.transaction(async (repos) => {
      const current = await require(repos.users.get(username), KIND, username);
      if (patch.groups !== undefined) await checkGroups(repos, patch.groups);
      const { password: _password, ...fields } = patch;
      const next: User = { ...applyPatch(current, fields), updatedAt: timestamp(this.context) };
      await repos.users.update(next, passwordHash);
      return next;
    });
  }

  async delete(username: string): Promise<void> {
    if (!(await this.context.store.transaction((repos) => repos.users.delete(username)))) throw notFound(KIND, username);
  }

  /**
   * The active user whose password this is; undefined for an unknown user, a wrong password or
   * a disabled user alike, so a caller cannot tell which (login answers the same 401).
   */
  async authenticate(username: string, password: string): Promise<User | undefined> {
    const [user, hash] = await Promise.all([this.context.store.users.get(username), this.context.store.users.passwordHashOf(username)]);
    const matches = await this.context.passwords.verify(password, hash);
    return matches && user !== undefined && user.status === 'active' ? user : undefined;
  }
}
