import { unwrap } from '@tollgate/api-client';
import { type FormEvent, useId, useState } from 'react';
import { api } from '../../api';
import { useGroups, useUsernames } from '../../components/directory';
import { Field } from '../../components/field';
import { ProblemBanner } from '../../components/problem';
import { useLoaded } from '../../components/use-loaded';
import { GroupLink, useGroupNavigate } from '../../shell/server-group';

/** Every global grant, and a picker to edit the grant of any user or group. */
export function PermissionsOverview() {
  const [grants, , problem] = useLoaded(() => unwrap(api.GET('/api/v1/permissions')).then((answer) => answer.items), []);
  const [type, setType] = useState<'user' | 'group'>('group');
  const [id, setId] = useState('');
  const usernames = useUsernames();
  const groups = useGroups();
  const listId = useId();
  const navigate = useGroupNavigate();

  const edit = (event: FormEvent) => {
    event.preventDefault();
    if (id.trim() === '') return;
    navigate(`/administration/permissions/${type}/${encodeURIComponent(id.trim())}`);
  };

  return (
    <section>
      <header className="page-header">
        <h1>Permissions</h1>
        <span className="muted">Global grants; a user holds its own and those of every group it is in.</span>
      </header>
      <form className="filters" aria-label="Edit a grant" onSubmit={edit}>
        <Field label="Grant of a">
          <select name="type" value={type} onChange={(event) => setType(event.target.value === 'user' ? 'user' : 'group')}>
            <option value="group">group</option>
            <option value="user">user</option>
          </select>
        </Field>
        <Field label={type === 'user' ? 'Username' : 'Group id'}>
          <input name="principal" list={listId} value={id} onChange={(event) => setId(event.target.value)} />
        </Field>
        {/* Outside the label: its options would join the field's accessible name. */}
        <datalist id={listId}>
          {(type === 'user' ? usernames : groups.map((group) => group.id)).map((value) => (
            <option key={value} value={value} />
          ))}
        </datalist>
        <div className="analytics-actions">
          <button type="submit">Edit</button>
        </div>
      </form>
      <ProblemBanner problem={problem} />
      {grants !== undefined && grants.length === 0 && (
        <div className="empty">Nobody holds a permission yet. Choose a user or group above to grant some.</div>
      )}
      {grants !== undefined && grants.length > 0 && (
        <div className="table-scroll">
          <table className="list keep-columns" aria-label="Grants">
            <thead>
              <tr>
                <th>Principal</th>
                <th>Permissions</th>
              </tr>
            </thead>
            <tbody>
              {grants.map((grant) => (
                <tr key={`${grant.principal.type}/${grant.principal.id}`}>
                  <td>
                    <GroupLink to={`/administration/permissions/${grant.principal.type}/${grant.principal.id}`}>
                      {grant.principal.type} {grant.principal.id}
                    </GroupLink>
                  </td>
                  <td className="permission-names">{grant.permissions.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
