import type { GroupMembers } from '@tollgate/domain';
import type { Kysely } from 'kysely';
import type { Database, GroupMemberTable } from './schema.js';

/** Loads the members of many groups at once (no query per row), each kind in its saved order. */
export async function loadMembers(db: Kysely<Database>, groupIds: readonly string[]): Promise<Map<string, GroupMembers>> {
  const members = new Map<string, GroupMembers>(groupIds.map((id) => [id, { users: [], groups: [] }]));
  if (groupIds.length === 0) return members;
  const rows = await db
    .selectFrom('group_members')
    .select(['group_id', 'member_type', 'member_id'])
    .where('group_id', 'in', groupIds)
    .orderBy('group_id')
    .orderBy('position')
    .orderBy('member_type')
    .orderBy('member_id')
    .execute();
  for (const row of rows) members.get(row.group_id)?.[row.member_type === 'user' ? 'users' : 'groups'].push(row.member_id);
  return members;
}

/** Replaces a group's members: its users first, then its groups, each in the order given. */
export async function replaceMembers(db: Kysely<Database>, groupId: string, members: GroupMembers): Promise<void> {
  await db.deleteFrom('group_members').where('group_id', '=', groupId).execute();
  const rows: GroupMemberTable[] = [
    ...members.users.map((id) => ({ member_type: 'user' as const, member_id: id })),
    ...members.groups.map((id) => ({ member_type: 'group' as const, member_id: id })),
  ].map((member, position) => ({ group_id: groupId, ...member, position }));
  if (rows.length > 0) await db.insertInto('group_members').values(rows).execute();
}

/** The groups each of many users is a direct member of, ordered by group id. */
export async function loadGroupsOf(db: Kysely<Database>, usernames: readonly string[]): Promise<Map<string, string[]>> {
  const groups = new Map<string, string[]>(usernames.map((username) => [username, []]));
  if (usernames.length === 0) return groups;
  const rows = await db
    .selectFrom('group_members')
    .select(['group_id', 'member_id'])
    .where('member_type', '=', 'user')
    .where('member_id', 'in', usernames)
    .orderBy('member_id')
    .orderBy('group_id')
    .execute();
  for (const row of rows) groups.get(row.member_id)?.push(row.group_id);
  return groups;
}

/**
 * Makes a user's direct memberships exactly `groupIds`: it leaves the groups not named, keeps its
 * place in those it stays in, and joins the others as their last member.
 */
export async function replaceGroupsOf(db: Kysely<Database>, username: string, groupIds: readonly string[]): Promise<void> {
  const current = (await loadGroupsOf(db, [username])).get(username) ?? [];
  const left = current.filter((id) => !groupIds.includes(id));
  if (left.length > 0) {
    await db
      .deleteFrom('group_members')
      .where('member_type', '=', 'user')
      .where('member_id', '=', username)
      .where('group_id', 'in', left)
      .execute();
  }
  const joined = [...new Set(groupIds.filter((id) => !current.includes(id)))];
  if (joined.length === 0) return;
  const ends = await db
    .selectFrom('group_members')
    .select(['group_id', (eb) => eb.fn.max('position').as('last')])
    .where('group_id', 'in', joined)
    .groupBy('group_id')
    .execute();
  const last = new Map(ends.map((row) => [row.group_id, Number(row.last)]));
  await db
    .insertInto('group_members')
    .values(
      joined.map((groupId) => ({ group_id: groupId, member_type: 'user', member_id: username, position: (last.get(groupId) ?? -1) + 1 })),
    )
    .execute();
}

/** Deletes every membership of a user or a group in other groups (no foreign key does it). */
export async function deleteMemberships(
  db: Kysely<Database>,
  memberType: GroupMemberTable['member_type'],
  memberId: string,
): Promise<void> {
  await db.deleteFrom('group_members').where('member_type', '=', memberType).where('member_id', '=', memberId).execute();
}
