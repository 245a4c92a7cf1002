import { unwrap } from '@tollgate/api-client';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../api';
import { ProblemBanner, useProblem } from '../../components/problem';
import { SaveBar, useStaged } from '../../components/staged';
import { GroupLink } from '../../shell/server-group';
import { type ServerGroup, useFleet } from './fleet';
import { NodesTable } from './nodes-table';
import { ServerGroupFields, type ServerGroupInput } from './server-group-fields';

/** One server group: its name and description, staged until Save, and its nodes. */
export function ServerGroupDetail() {
  const { id = '' } = useParams();
  const [group, setGroup] = useState<ServerGroup | undefined>();
  const problem = useProblem();
  const show = problem.show;
  const [busy, setBusy] = useState(false);
  const { fleet, error } = useFleet();
  useEffect(() => {
    unwrap(api.GET('/api/v1/server-groups/{id}', { params: { path: { id } } })).then(setGroup, show);
  }, [id, show]);
  const saved = useMemo<ServerGroupInput | undefined>(
    () => (group === undefined ? undefined : { name: group.name, description: group.description }),
    [group],
  );
  const staged = useStaged(saved);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (staged.draft === undefined) return;
    setBusy(true);
    problem.clear();
    try {
      setGroup(await unwrap(api.PATCH('/api/v1/server-groups/{id}', { params: { path: { id } }, body: staged.draft })));
    } catch (failure) {
      problem.show(failure);
    } finally {
      setBusy(false);
    }
  };

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
          <SaveBar dirty={staged.dirty} busy={busy} onReset={staged.reset} />
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
