import { useGroups, useUsernames } from '../../components/directory';
import { NameFields } from '../../components/name-fields';
import { Checklist } from './checklist';
import { MemberList } from './member-list';

/** What a group form edits. */
export interface GroupInput {
  name: string;
  description: string;
  members: { users: string[]; groups: string[] };
}

/**
 * Name, description and members, with the API's message beside each. `everyone` takes no members
 * (it holds every user implicitly); a group cannot hold itself.
 */
export function GroupFields({
  id,
  group,
  set,
  field,
}: {
  id: string | undefined;
  group: GroupInput;
  set: (values: Partial<GroupInput>) => void;
  field: (path: string) => string | undefined;
}) {
  const usernames = useUsernames();
  const groups = useGroups().filter((item) => item.id !== 'everyone' && item.id !== id);
  return (
    <>
      <NameFields value={group} set={set} field={field} />
      {id === 'everyone' ? (
        <p className="muted">Every user is a member of everyone; it takes no other members.</p>
      ) : (
        <>
          <MemberList
            members={group.members.users}
            known={usernames}
            onChange={(users) => set({ members: { ...group.members, users } })}
            error={(index) => field(`members.users.${index}`)}
          />
          <Checklist
            legend="Member groups"
            options={groups.map((item) => ({ id: item.id, label: item.name }))}
            chosen={group.members.groups}
            onChange={(chosen) => set({ members: { ...group.members, groups: chosen } })}
            error={(index) => field(`members.groups.${index}`)}
            hint="Members of a member group hold this group's permissions too."
          />
          {field('members') !== undefined && <span className="field-error">{field('members')}</span>}
        </>
      )}
    </>
  );
}
