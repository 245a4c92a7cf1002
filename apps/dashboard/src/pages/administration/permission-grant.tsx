import { unwrap } from '@tollgate/api-client';
import { useParams } from 'react-router';
import { api } from '../../api';
import { ProblemBanner, useAction } from '../../components/problem';
import { SaveBar, useStaged } from '../../components/staged';
import { useLoaded } from '../../components/use-loaded';
import { GroupLink } from '../../shell/server-group';
import { PERMISSIONS, type Permission } from './permission-names';

/**
 * The own grant of one user or group: a checkbox per permission, staged until Save. The API
 * refuses (403, its detail in the banner) changing one's own grant or a group one is in, and
 * granting what one does not hold.
 */
export function PermissionGrant() {
  const params = useParams();
  const type = params.type === 'user' ? 'user' : 'group';
  const id = params.id ?? '';
  const [grant, setGrant, problem] = useLoaded(
    () => unwrap(api.GET('/api/v1/permissions/{type}/{id}', { params: { path: { type, id } } })),
    [type, id],
  );
  const action = useAction(problem);
  const staged = useStaged(grant === undefined ? undefined : { permissions: grant.permissions });
  const chosen = new Set<Permission>(staged.draft?.permissions ?? []);

  const toggle = (name: Permission, on: boolean) => {
    if (on) chosen.add(name);
    else chosen.delete(name);
    // In the API's order, so unticking and ticking again leaves nothing to save.
    staged.patch({ permissions: PERMISSIONS.map((item) => item.name).filter((item) => chosen.has(item)) });
  };

  const save = action.submit(async () => {
    if (staged.draft === undefined) return;
    setGrant(await unwrap(api.PUT('/api/v1/permissions/{type}/{id}', { params: { path: { type, id } }, body: staged.draft })));
  });

  return (
    <section>
      <header className="page-header">
        <h1>
          Permissions of {type} {id}
        </h1>
        <GroupLink to={type === 'user' ? `/administration/users/${id}` : `/administration/groups/${id}`}>
          {type === 'user' ? 'The user' : 'The group'}
        </GroupLink>
        <GroupLink to="/administration/permissions">All grants</GroupLink>
      </header>
      <p className="muted">
        {type === 'user'
          ? 'The user’s own grant; it also holds what its groups grant (and everyone’s).'
          : 'Every member of the group, directly or through nested groups, holds these.'}
      </p>
      <ProblemBanner problem={problem} />
      {problem.field('principal') !== undefined && <p className="field-error">{problem.field('principal')}</p>}
      {staged.draft !== undefined && (
        <form className="form" onSubmit={save} aria-label="Permissions">
          <fieldset className="field permission-list">
            <legend className="field-label">Global permissions</legend>
            {PERMISSIONS.map((permission) => (
              <label key={permission.name} className="permission">
                <input
                  type="checkbox"
                  name={permission.name}
                  checked={chosen.has(permission.name)}
                  onChange={(event) => toggle(permission.name, event.target.checked)}
                />
                <span>
                  <code>{permission.name}</code>
                  <span className="hint"> {permission.allows}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <SaveBar dirty={staged.dirty} busy={action.busy} onReset={staged.reset} />
        </form>
      )}
    </section>
  );
}
