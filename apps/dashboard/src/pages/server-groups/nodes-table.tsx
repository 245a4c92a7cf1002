import type { GatewayNode } from './fleet';

/** How long ago a time was, in the largest unit that fits: "4 s ago", "3 min ago". */
function ago(time: string): string {
  const seconds = Math.max(0, Math.round((Date.now() - Date.parse(time)) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86_400)} d ago`;
}

/** Whether a node serves the newest configuration. */
function versionState(node: GatewayNode, current: number | null): { label: string; className: string } {
  if (node.configVersion === null) return { label: 'No configuration yet', className: 'badge warn' };
  if (current === null || node.configVersion >= current) return { label: 'Current', className: 'badge ok' };
  return { label: `Behind (current is ${current})`, className: 'badge warn' };
}

/** The gateway nodes of one group: where they listen, whether they are alive, which configuration they serve. */
export function NodesTable({ group, nodes, current }: { group: string; nodes: ReadonlyArray<GatewayNode>; current: number | null }) {
  if (nodes.length === 0) {
    return (
      <div className="empty">
        No gateway node serves {group}. Start one with <code>tollgate gateway --server-group {group} --port 8080</code>, or run{' '}
        <code>tollgate start --gateway {group}=8080</code>.
      </div>
    );
  }
  return (
    <table className="list nodes" aria-label={`Nodes of ${group}`}>
      <thead>
        <tr>
          <th>Address</th>
          <th>Status</th>
          <th>Configuration version</th>
          <th>Last seen</th>
          <th>Started</th>
        </tr>
      </thead>
      <tbody>
        {nodes.map((node) => {
          const state = versionState(node, current);
          return (
            <tr key={node.id}>
              <td>{node.address}</td>
              <td>
                <span className={node.status === 'online' ? 'badge ok' : 'badge bad'}>{node.status}</span>
              </td>
              <td>
                {node.configVersion ?? '–'} <span className={state.className}>{state.label}</span>
              </td>
              <td title={node.lastSeenAt}>{ago(node.lastSeenAt)}</td>
              <td title={node.startedAt}>{new Date(node.startedAt).toLocaleString()}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
