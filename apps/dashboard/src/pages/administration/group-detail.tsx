import { unwrap } from '@tollgate/api-client';
import { useParams } from 'react-router';
import { api } from '../../api';
import { ConfirmButton } from '../../components/confirm-button';
import { ProblemBanner, useAction } from '../../components/problem';
import { SaveBar, useStaged } from '../../components/staged';
import { useLoaded } from '../../components/use-loaded';
import { GroupLink, useGroupNavigate } from '../../shell/server-group';
import { GroupFields, type GroupInput } from './group-fields';

/** One group: name, description and members staged until Save, and Delete (not for built-in groups). */
export function GroupDetail() {
  const { id = '' } = useParams();
  const [group, setGroup, problem] = useLoaded(() => unwrap(api.GET('/api/v1/groups/{id}', { params: { path: { id } } })), [id]);
  // Apart, so that only Save marks the save bar busy.
  const saving = useAction(problem);
  const deleting = useAction(problem);
  const navigate = useGroupNavigate();
  const staged = useStaged<GroupInput>(
    group === undefined ? undefined : { name: group.name, description: group.description, members: group.members },
  );

  const save = saving.submit(async () => {
    if (staged.draft === undefined) return;
    // `everyone`'s members cannot be set at all, not even to what they are.
    const { members, ...fields } = staged.draft;
    const body = id === 'everyone' ? fields : { ...fields, members };
    const answer = await unwrap(api.PATCH('/api/v1/groups/{id}', { params: { path: { id } }, body }));
    setGroup(answer);
    // Members not sent (`everyone`'s) may leave the group as it was: the draft still follows the answer.
    staged.resetTo({ name: answer.name, description: answer.description, members: answer.members });
  });

  const remove = () =>
    deleting.run(async () => {
      await unwrap(api.DELETE('/api/v1/groups/{id}', { params: { path: { id } } }));
      navigate('/administration/groups');
    });

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
          <SaveBar dirty={staged.dirty} busy={saving.busy} onReset={staged.reset} />
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
