import { unwrap } from '@tollgate/api-client';
import { useState } from 'react';
import { api } from '../../api';
import { IdField, NewForm } from '../../components/new-form';
import { useProblem } from '../../components/problem';
import { SERVER_GROUPS_CHANGED, useGroupNavigate } from '../../shell/server-group';
import { ServerGroupFields, type ServerGroupInput } from './server-group-fields';

/** Creates a server group; its nodes are started separately (`tollgate gateway --server-group`). */
export function NewServerGroup() {
  const [id, setId] = useState('');
  const [draft, setDraft] = useState<ServerGroupInput>({ name: '', description: '' });
  const problem = useProblem();
  const navigate = useGroupNavigate();
  const create = async () => {
    const group = await unwrap(api.POST('/api/v1/server-groups', { body: { ...draft, id: id === '' ? undefined : id } }));
    window.dispatchEvent(new Event(SERVER_GROUPS_CHANGED));
    navigate(`/server-groups/${group.id}`);
  };
  return (
    <NewForm title="New server group" problem={problem} onCreate={create}>
      <IdField value={id} onChange={setId} error={problem.field('id')} />
      <ServerGroupFields group={draft} set={(values) => setDraft({ ...draft, ...values })} field={problem.field} />
    </NewForm>
  );
}
