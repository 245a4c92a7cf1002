import { unwrap } from '@tollgate/api-client';
import { useParams } from 'react-router';
import { api } from '../../api';
import { ProblemBanner, useAction } from '../../components/problem';
import { SaveBar, useStaged } from '../../components/staged';
import { useLoaded } from '../../components/use-loaded';
import { GroupLink } from '../../shell/server-group';
import { useFleet } from './fleet';
import { NodesTable } from './nodes-table';
import { ServerGroupFields, type ServerGroupInput } from './server-group-fields';

/** One server group: its name and description, staged until Save, and its nodes. */
export function ServerGroupDetail() {
  const { id = '' } = useParams();
  const [group, setGroup, problem] = useLoaded(() => unwrap(api.GET('/api/v1/server-groups/{id}', { params: { path: { id } } })), [id]);
  const action = useAction(problem);
  const { fleet, error } = useFleet();
  const staged = useStaged<ServerGroupInput>(group === undefined ? undefined : { name: group.name, description: group.description });

  const save = action.submit(async () => {
    if (staged.draft === undefined) return;
    setGroup(await unwrap(api.PATCH('/api/v1/server-groups/{id}', { params: { path: { id } }, body: staged.draft })));
  });

  return (
    <section>
      <header className="page-header">
        <h1>{group?.name ?? id}</h1>
        <span className="muted">Server group {id}</span>
        <GroupLink to="/server-groups">All server groups</GroupLink>
      </header>
      <ProblemBanner problem={problem} />
      {staged.draft !== undefined && (
        <form className="form" onSubmit={save} aria-label="Server group configuration">
          <ServerGroupFields group={staged.draft} set={staged.patch} field={problem.field} />
          <SaveBar dirty={staged.dirty} busy={action.busy} onReset={staged.reset} />
        </form>
      )}
      <h2>Nodes</h2>
      {error !== undefined && (
        <p role="alert" className="error banner">
          {error}
        </p>
      )}
      {fleet !== undefined && <NodesTable group={id} nodes={fleet.nodes[id] ?? []} current={fleet.current} />}
    </section>
  );
}
