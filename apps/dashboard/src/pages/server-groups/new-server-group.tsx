import { unwrap } from '@tollgate/api-client';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api';
import { Field } from '../../components/field';
import { ProblemBanner, useProblem } from '../../components/problem';
import { useServerGroup } from '../../shell/server-group';
import { ServerGroupFields, type ServerGroupInput } from './server-group-fields';

/** Creates a server group; its nodes are started separately (`tollgate gateway --server-group`). */
export function NewServerGroup() {
  const [chosen] = useServerGroup();
  const [id, setId] = useState('');
  const [draft, setDraft] = useState<ServerGroupInput>({ name: '', description: '' });
  const problem = useProblem();
  const navigate = useNavigate();
  const create = async (event: FormEvent) => {
    event.preventDefault();
    problem.clear();
    try {
      const group = await unwrap(api.POST('/api/v1/server-groups', { body: { ...draft, id: id === '' ? undefined : id } }));
      navigate(`/server-groups/${group.id}?group=${encodeURIComponent(chosen)}`);
    } catch (failure) {
      problem.show(failure);
    }
  };
  return (
    <section>
      <h1>New server group</h1>
      <form className="form" onSubmit={create} aria-label="New server group">
        <ProblemBanner problem={problem} />
        <Field label="Id" hint="Lower-case letters, digits, . _ -; empty: generated" error={problem.field('id')}>
          <input name="id" value={id} onChange={(event) => setId(event.target.value)} />
        </Field>
        <ServerGroupFields group={draft} set={(values) => setDraft({ ...draft, ...values })} field={problem.field} />
        <button type="submit">Create</button>
      </form>
    </section>
  );
}
