import { unwrap } from '@tollgate/api-client';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api';
import { Field } from '../../components/field';
import { ProblemBanner, useProblem } from '../../components/problem';
import { useServerGroup } from '../../shell/server-group';
import { GroupFields, type GroupInput } from './group-fields';

/** Creates a group with its first members. */
export function NewGroup() {
  const [serverGroup] = useServerGroup();
  const [id, setId] = useState('');
  const [draft, setDraft] = useState<GroupInput>({ name: '', description: '', members: { users: [], groups: [] } });
  const problem = useProblem();
  const navigate = useNavigate();
  const create = async (event: FormEvent) => {
    event.preventDefault();
    problem.clear();
    try {
      const group = await unwrap(api.POST('/api/v1/groups', { body: { ...draft, id: id === '' ? undefined : id } }));
      navigate(`/administration/groups/${group.id}?group=${encodeURIComponent(serverGroup)}`);
    } catch (failure) {
      problem.show(failure);
    }
  };
  return (
    <section>
      <h1>New group</h1>
      <form className="form" onSubmit={create} aria-label="New group">
        <ProblemBanner problem={problem} />
        <Field label="Id" hint="Lower-case letters, digits, . _ -; empty: generated" error={problem.field('id')}>
          <input name="id" value={id} onChange={(event) => setId(event.target.value)} />
        </Field>
        <GroupFields id={undefined} group={draft} set={(values) => setDraft({ ...draft, ...values })} field={problem.field} />
        <button type="submit">Create</button>
      </form>
    </section>
  );
}
