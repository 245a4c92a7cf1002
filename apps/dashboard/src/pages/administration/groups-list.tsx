import { unwrap } from '@tollgate/api-client';
import { useCallback } from 'react';
import { api } from '../../api';
import { CursorTable } from '../../components/cursor-table';
import type { Group } from '../../components/directory';
import { ListHeader } from '../../components/list-header';
import { GroupLink } from '../../shell/server-group';

/** The groups, built-in ones included. */
export function GroupsList() {
  const load = useCallback(
    (cursor: string | undefined) => unwrap(api.GET('/api/v1/groups', { params: { query: { cursor, limit: 20 } } })),
    [],
  );
  return (
    <section>
      <ListHeader title="Groups" newPath="/administration/groups/new" />
      <CursorTable<Group>
        label="Groups"
        load={load}
        rowKey={(group) => group.id}
        columns={[
          { header: 'Group', cell: (group) => <GroupLink to={`/administration/groups/${group.id}`}>{group.name}</GroupLink> },
          { header: 'Id', cell: (group) => group.id },
          {
            header: 'Members',
            cell: (group) =>
              group.id === 'everyone' ? 'every user' : `${group.members.users.length} users, ${group.members.groups.length} groups`,
          },
          { header: 'Built in', cell: (group) => (group.builtIn ? 'yes' : '') },
        ]}
        empty="No group yet. Create one with New, then grant it permissions."
      />
    </section>
  );
}
