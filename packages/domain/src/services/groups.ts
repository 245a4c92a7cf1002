import type { Page, PageRequest } from '../entities/common.js';
import { EVERYONE, type Group, type GroupCreate, type GroupMembers, type GroupUpdate } from '../entities/user.js';
import { invalidField, notFound, TollgateError } from '../errors/catalogue.js';
import type { GroupFilter, Repositories } from '../ports/repositories.js';
import { require, type ServiceContext, throwIfInvalid, timestamp } from './context.js';

const KIND = 'group';

/**
 * Checks a group's members: users and groups that exist, and no cycle (a group may not contain
 * itself, directly or through the groups it holds). Errors name `members.users.N` / `members.groups.N`.
 */
async function checkMembers(repos: Repositories, groupId: string, members: GroupMembers): Promise<void> {
  const fields: Record<string, string> = {};
  for (const [index, username] of members.users.entries()) {
    if ((await repos.users.get(username)) === undefined) fields[`members.users.${index}`] = `user '${username}' does not exist`;
  }
  for (const [index, id] of members.groups.entries()) {
    if (id === groupId || (await contains(repos, id, groupId)))
      fields[`members.groups.${index}`] = `group '${id}' would contain '${groupId}' itself`;
    else if ((await repos.groups.get(id)) === undefined) fields[`members.groups.${index}`] = `group '${id}' does not exist`;
  }
  throwIfInvalid(fields);
}

/** Whether group `outer` holds group `inner`, directly or through nested groups. */
async function contains(repos: Repositories, outer: string, inner: string, seen = new Set<string>()): Promise<boolean> {
  if (seen.has(outer)) return false;
  seen.add(outer);
  const group = await repos.groups.get(outer);
  if (group === undefined) return false;
  for (const id of group.members.groups) if (id === inner || (await contains(repos, id, inner, seen))) return true;
  return false;
}

/** Groups of users and groups, to grant permissions to many at once. */
export class GroupService {
  constructor(private readonly context: ServiceContext) {}

  create(input: GroupCreate): Promise<Group> {
    return this.context.store.transaction(async (repos) => {
      const id = input.id ?? this.context.ids.next();
      const members: GroupMembers = { users: input.members?.users ?? [], groups: input.members?.groups ?? [] };
      await checkMembers(repos, id, members);
      const now = timestamp(this.context);
      const group: Group = {
        id,
        name: input.name,
        description: input.description ?? '',
        members,
        builtIn: false,
        createdAt: now,
        updatedAt: now,
      };
      await repos.groups.insert(group);
      return group;
    });
  }

  get(id: string): Promise<Group> {
    return require(this.context.store.groups.get(id), KIND, id);
  }

  list(filter: GroupFilter, page: PageRequest): Promise<Page<Group>> {
    return this.context.store.groups.list(filter, page);
  }

  update(id: string, patch: GroupUpdate): Promise<Group> {
    return this.context.store.transaction(async (repos) => {
      const current = await require(repos.groups.get(id), KIND, id);
      let members = current.members;
      if (patch.members !== undefined) {
        if (id === EVERYONE) throw invalidField('members', 'everyone holds every user implicitly; its members cannot be set');
        members = { users: patch.members.users ?? current.members.users, groups: patch.members.groups ?? current.members.groups };
        await checkMembers(repos, id, members);
      }
      const next: Group = {
        ...current,
        name: patch.name ?? current.name,
        description: patch.description ?? current.description,
        members,
        updatedAt: timestamp(this.context),
      };
      await repos.groups.update(next);
      return next;
    });
  }

  async delete(id: string): Promise<void> {
    await this.context.store.transaction(async (repos) => {
      const group = await require(repos.groups.get(id), KIND, id);
      if (group.builtIn) throw new TollgateError('CONFLICT', `group '${id}' is built in and cannot be deleted`);
      if (!(await repos.groups.delete(id))) throw notFound(KIND, id);
    });
  }
}
