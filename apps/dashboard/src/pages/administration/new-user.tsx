import { unwrap } from '@tollgate/api-client';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api';
import { Field } from '../../components/field';
import { ProblemBanner, useProblem } from '../../components/problem';
import { useServerGroup } from '../../shell/server-group';
import { UserFields, type UserInput } from './user-fields';

/** Creates a user who can log in with the password given, a member of the groups ticked. */
export function NewUser() {
  const [group] = useServerGroup();
  const [username, setUsername] = useState('');
  const [draft, setDraft] = useState<UserInput>({ displayName: '', email: '', password: '', groups: [] });
  const problem = useProblem();
  const navigate = useNavigate();
  const create = async (event: FormEvent) => {
    event.preventDefault();
    problem.clear();
    try {
      const user = await unwrap(api.POST('/api/v1/users', { body: { username, ...draft } }));
      navigate(`/administration/users/${user.username}?group=${encodeURIComponent(group)}`);
    } catch (failure) {
      problem.show(failure);
    }
  };
  return (
    <section>
      <h1>New user</h1>
      <form className="form" onSubmit={create} aria-label="New user">
        <ProblemBanner problem={problem} />
        <Field label="Username" hint="Lower-case letters, digits, . _ -; cannot change later" error={problem.field('username')}>
          <input name="username" autoComplete="off" value={username} onChange={(event) => setUsername(event.target.value)} />
        </Field>
        <UserFields user={draft} set={(values) => setDraft({ ...draft, ...values })} field={problem.field} passwordLabel="Password" />
        <button type="submit">Create</button>
      </form>
    </section>
  );
}
