import { unwrap } from '@tollgate/api-client';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api';
import { ProblemBanner, useProblem } from '../../components/problem';
import { SaveBar, useStaged } from '../../components/staged';
import { GroupLink, useServerGroup } from '../../shell/server-group';
import { ConfirmButton } from './confirm-button';
import type { Group } from './directory';
import { GroupFields, type GroupInput } from './group-fields';

/** One group: name, description and members staged until Save, and Delete (not for built-in groups). */
export function GroupDetail() {
  const { id = '' } = useParams();
  const [serverGroup] = useServerGroup();
  const [group, setGroup] = useState<Group | undefined>();
  const problem = useProblem();
  const show = problem.show;
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  useEffect(() => {
    unwrap(api.GET('/api/v1/groups/{id}', { params: { path: { id } } })).then(setGroup, show);
  }, [id, show]);
  const saved = useMemo<GroupInput | undefined>(
    () => (group === undefined ? undefined : { name: group.name, description: group.description, members: group.members }),
    [group],
  );
  const staged = useStaged(saved);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (staged.draft === undefined) return;
    setBusy(true);
    problem.clear();
    try {
      // `everyone`'s members cannot be set at all, not even to what they are.
      const { members, ...fields } = staged.draft;
      const body = id === 'everyone' ? fields : { ...fields, members };
      setGroup(await unwrap(api.PATCH('/api/v1/groups/{id}', { params: { path: { id } }, body })));
    } catch (failure) {
      problem.show(failure);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    problem.clear();
    try {
      await unwrap(api.DELETE('/api/v1/groups/{id}', { params: { path: { id } } }));
      navigate(`/administration/groups?group=${encodeURIComponent(serverGroup)}`);
    } catch (failure) {
      problem.show(failure);
    }
  };

  return (
    <section>
      <header className="page-header">
        <h1>{group?.name ?? id}</h1>
        <span className="muted">
          Group {id}
          {group?.builtIn === true && ' (built in)'}
        </span>
        <GroupLink to={`/administration/permissions/group/${id}`}>Permissions</GroupLink>
      </header>
      <ProblemBanner problem={problem} />
      {staged.draft !== undefined && (
        <form className="form" onSubmit={save} aria-label="Group">
          <GroupFields id={id} group={staged.draft} set={staged.patch} field={problem.field} />
          <SaveBar dirty={staged.dirty} busy={busy} onReset={staged.reset} />
        </form>
      )}
      {group !== undefined && !group.builtIn && (
        <p>
          <ConfirmButton label="Delete group" question={`Delete ${id}? Its members lose the permissions it grants.`} onConfirm={remove} />
        </p>
      )}
    </section>
  );
}
