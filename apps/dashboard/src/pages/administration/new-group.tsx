import { unwrap } from '@tollgate/api-client';
import { useState } from 'react';
import { api } from '../../api';
import { IdField, NewForm } from '../../components/new-form';
import { useProblem } from '../../components/problem';
import { useGroupNavigate } from '../../shell/server-group';
import { GroupFields, type GroupInput } from './group-fields';

/** Creates a group with its first members. */
export function NewGroup() {
  const [id, setId] = useState('');
  const [draft, setDraft] = useState<GroupInput>({ name: '', description: '', members: { users: [], groups: [] } });
  const problem = useProblem();
  const navigate = useGroupNavigate();
  const create = async () => {
    const group = await unwrap(api.POST('/api/v1/groups', { body: { ...draft, id: id === '' ? undefined : id } }));
    navigate(`/administration/groups/${group.id}`);
  };
  return (
    <NewForm title="New group" problem={problem} onCreate={create}>
      <IdField value={id} onChange={setId} error={problem.field('id')} />
      <GroupFields id={undefined} group={draft} set={(values) => setDraft({ ...draft, ...values })} field={problem.field} />
    </NewForm>
  );
}
