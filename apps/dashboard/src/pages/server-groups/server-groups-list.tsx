import { ListHeader } from '../../components/list-header';
import { GroupLink, useServerGroup } from '../../shell/server-group';
import { type Fleet, useFleet } from './fleet';
import { NodesTable } from './nodes-table';

/** "1 of 2 online", "none": a group's nodes at a glance. */
function onlineOf(fleet: Fleet, id: string): string {
  const nodes = fleet.nodes[id] ?? [];
  if (nodes.length === 0) return 'none';
  return `${nodes.filter((node) => node.status === 'online').length} of ${nodes.length} online`;
}

/** Whether a group's nodes serve the newest configuration. */
function versionsOf(fleet: Fleet, id: string): string {
  const nodes = fleet.nodes[id] ?? [];
  if (nodes.length === 0) return '–';
  const behind = nodes.filter((node) => node.configVersion === null || (fleet.current !== null && node.configVersion < fleet.current));
  return behind.length === 0 ? `all on ${fleet.current ?? '–'}` : `${behind.length} behind`;
}

/** The server groups with their nodes at a glance, and the nodes of the chosen group in full. */
export function ServerGroupsList() {
  const [group] = useServerGroup();
  const { fleet, error } = useFleet();
  return (
    <section>
      <ListHeader title="Server Groups" newPath="/server-groups/new" />
      {error !== undefined && (
        <p role="alert" className="error banner">
          {error}
        </p>
      )}
      {fleet !== undefined && fleet.groups.length === 0 && (
        <div className="empty">No server group yet. Create one with New, then start gateway nodes for it.</div>
      )}
      {fleet !== undefined && fleet.groups.length > 0 && (
        <>
          <table className="list" aria-label="Server groups">
            <thead>
              <tr>
                <th>Group</th>
                <th>Nodes</th>
                <th>Configuration</th>
                <th>Id</th>
                <th>Description</th>
              </tr>
            </thead>
            <tbody>
              {fleet.groups.map((item) => (
                <tr key={item.id} className={item.id === group ? 'chosen' : undefined}>
                  <td>
                    <GroupLink to={`/server-groups/${item.id}`}>{item.name}</GroupLink>
                    {item.id === group && <span className="badge">chosen</span>}
                  </td>
                  <td>{onlineOf(fleet, item.id)}</td>
                  <td>{versionsOf(fleet, item.id)}</td>
                  <td>{item.id}</td>
                  <td>{item.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>Nodes of {group}</h2>
          <NodesTable group={group} nodes={fleet.nodes[group] ?? []} current={fleet.current} />
        </>
      )}
    </section>
  );
}
