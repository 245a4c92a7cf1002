import { unwrap } from '@tollgate/api-client';
import { useState } from 'react';
import { api } from '../../api';
import { Field } from '../../components/field';
import { NewForm } from '../../components/new-form';
import { useProblem } from '../../components/problem';
import { useGroupNavigate } from '../../shell/server-group';
import { UserFields, type UserInput } from './user-fields';

/** Creates a user who can log in with the password given, a member of the groups ticked. */
export function NewUser() {
  const [username, setUsername] = useState('');
  const [draft, setDraft] = useState<UserInput>({ displayName: '', email: '', password: '', groups: [] });
  const problem = useProblem();
  const navigate = useGroupNavigate();
  const create = async () => {
    const user = await unwrap(api.POST('/api/v1/users', { body: { username, ...draft } }));
    navigate(`/administration/users/${user.username}`);
  };
  return (
    <NewForm title="New user" problem={problem} onCreate={create}>
      <Field label="Username" hint="Lower-case letters, digits, . _ -; cannot change later" error={problem.field('username')}>
        <input name="username" autoComplete="off" value={username} onChange={(event) => setUsername(event.target.value)} />
      </Field>
      <UserFields user={draft} set={(values) => setDraft({ ...draft, ...values })} field={problem.field} passwordLabel="Password" />
    </NewForm>
  );
}
