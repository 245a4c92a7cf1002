import { unwrap } from '@tollgate/api-client';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api';
import { CursorTable } from '../../components/cursor-table';
import { type User, useGroups } from '../../components/directory';
import { Field } from '../../components/field';
import { ListHeader } from '../../components/list-header';
import { GroupLink } from '../../shell/server-group';

/** The users, narrowed by group or status (query parameters, so a deep link keeps them). */
export function UsersList() {
  const [params, setParams] = useSearchParams();
  const groupId = params.get('groupId') ?? '';
  const status = params.get('status') ?? '';
  const groups = useGroups();
  const load = useCallback(
    (cursor: string | undefined) =>
      unwrap(
        api.GET('/api/v1/users', {
          params: {
            query: {
              cursor,
              limit: 20,
              groupId: groupId === '' ? undefined : groupId,
              status: status === 'active' || status === 'disabled' ? status : undefined,
            },
          },
        }),
      ),
    [groupId, status],
  );
  const narrow = (name: 'groupId' | 'status', value: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value === '') next.delete(name);
      else next.set(name, value);
      return next;
    });

  return (
    <section>
      <ListHeader title="Users" newPath="/administration/users/new" />
      <form className="filters" aria-label="Filter users" onSubmit={(event) => event.preventDefault()}>
        <Field label="Group">
          <select name="groupId" value={groupId} onChange={(event) => narrow('groupId', event.target.value)}>
            <option value="">Any group</option>
            {groups
              .filter((group) => group.id !== 'everyone')
              .map((group) => (
                <option key={group.id} value={group.id}>
                  {group.name}
                </option>
              ))}
          </select>
        </Field>
        <Field label="Status">
          <select name="status" value={status} onChange={(event) => narrow('status', event.target.value)}>
            <option value="">Any status</option>
            <option value="active">active</option>
            <option value="disabled">disabled</option>
          </select>
        </Field>
      </form>
      <CursorTable<User>
        label="Users"
        load={load}
        rowKey={(user) => user.username}
        columns={[
          { header: 'Username', cell: (user) => <GroupLink to={`/administration/users/${user.username}`}>{user.username}</GroupLink> },
          { header: 'Name', cell: (user) => user.displayName },
          { header: 'Groups', cell: (user) => user.groups.join(', ') || '–' },
          { header: 'Status', cell: (user) => user.status },
          { header: 'E-mail', cell: (user) => user.email },
        ]}
        empty={
          groupId === '' && status === ''
            ? 'No user yet. Create one with New; give it groups to grant it permissions.'
            : 'No user matches. Choose another group or status.'
        }
      />
    </section>
  );
}
