import { unwrap } from '@tollgate/api-client';
import { useParams } from 'react-router';
import { api } from '../../api';
import { ConfirmButton } from '../../components/confirm-button';
import type { User } from '../../components/directory';
import { Field } from '../../components/field';
import { ProblemBanner, useAction } from '../../components/problem';
import { SaveBar, useStaged } from '../../components/staged';
import { useLoaded } from '../../components/use-loaded';
import { GroupLink, useGroupNavigate } from '../../shell/server-group';
import { UserFields, type UserInput } from './user-fields';

type Edit = UserInput & { status: User['status'] };

/** What the form edits of a saved user: its fields, and no new password. */
const editOf = (user: User): Edit => ({
  displayName: user.displayName,
  email: user.email,
  status: user.status,
  groups: user.groups,
  password: '',
});

/** One user: its fields staged until Save (a new password only when one is typed), and Delete. */
export function UserDetail() {
  const { username = '' } = useParams();
  const [user, setUser, problem] = useLoaded(
    () => unwrap(api.GET('/api/v1/users/{username}', { params: { path: { username } } })),
    [username],
  );
  // Apart, so that only Save marks the save bar busy.
  const saving = useAction(problem);
  const deleting = useAction(problem);
  const navigate = useGroupNavigate();
  const staged = useStaged(user === undefined ? undefined : editOf(user));

  const save = saving.submit(async () => {
    if (staged.draft === undefined) return;
    const { password, ...fields } = staged.draft;
    const body = password === '' ? fields : { ...fields, password };
    const answer = await unwrap(api.PATCH('/api/v1/users/{username}', { params: { path: { username } }, body }));
    setUser(answer);
    // A new password alone leaves the user as it was: the typed password must still go.
    staged.resetTo(editOf(answer));
  });

  const remove = () =>
    deleting.run(async () => {
      await unwrap(api.DELETE('/api/v1/users/{username}', { params: { path: { username } } }));
      navigate('/administration/users');
    });

  return (
    <section>
      <header className="page-header">
        <h1>{user?.displayName ?? username}</h1>
        <span className="muted">User {username}</span>
        <GroupLink to={`/administration/permissions/user/${username}`}>Permissions</GroupLink>
        <GroupLink to={`/administration/audit?actor=${encodeURIComponent(username)}`}>Audit log</GroupLink>
      </header>
      <ProblemBanner problem={problem} />
      {staged.draft !== undefined && (
        <form className="form" onSubmit={save} aria-label="User">
          <UserFields user={staged.draft} set={staged.patch} field={problem.field} passwordLabel="New password (empty: unchanged)" />
          <Field label="Status" hint="A disabled user cannot log in" error={problem.field('status')}>
            <select
              name="status"
              value={staged.draft.status}
              onChange={(event) => staged.patch({ status: event.target.value === 'disabled' ? 'disabled' : 'active' })}
            >
              <option value="active">active</option>
              <option value="disabled">disabled</option>
            </select>
          </Field>
          <SaveBar dirty={staged.dirty} busy={saving.busy} onReset={staged.reset} />
        </form>
      )}
      {user !== undefined && (
        <p>
          <ConfirmButton
            label="Delete user"
            question={`Delete ${username}? Its sessions and API tokens stop working.`}
            onConfirm={remove}
          />
        </p>
      )}
    </section>
  );
}
