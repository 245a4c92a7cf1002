import { unwrap } from '@tollgate/api-client';
import { useCallback } from 'react';
import { api } from '../../api';
import { ListPage, type ListQuery } from '../../components/list-page';
import { useServerGroup } from '../../shell/server-group';
import type { Project } from './model';

/** A project of the list, and whether it is deployed to the chosen server group. */
type Row = Project & { deployedHere: boolean };

/** Every API project (deployed or not), saying for each whether it runs in the chosen server group. */
export function ProjectsList() {
  const [group] = useServerGroup();
  const load = useCallback(
    async (query: ListQuery) => {
      const page = await unwrap(api.GET('/api/v1/projects', { params: { query } }));
      // One small call per row (a page is at most 20): the list filter would hide the undeployed ones.
      const items = await Promise.all(
        page.items.map(async (project): Promise<Row> => {
          const deployments = await unwrap(api.GET('/api/v1/projects/{id}/deployments', { params: { path: { id: project.id } } }));
          return { ...project, deployedHere: deployments.items.some((deployment) => deployment.serverGroupId === group) };
        }),
      );
      return { items, nextCursor: page.nextCursor };
    },
    [group],
  );
  return (
    <ListPage<Row>
      title="API Projects"
      load={load}
      newPath="/projects/new"
      detailPath={(project) => `/projects/${project.id}/overview`}
      columns={[
        { header: 'Project', cell: (project) => project.name },
        { header: 'Context path', cell: (project) => project.contextPath },
        { header: `In ${group}`, cell: (project) => (project.deployedHere ? 'deployed' : 'not deployed') },
        { header: 'Version', cell: (project) => project.version },
        { header: 'Status', cell: (project) => project.status },
        { header: 'Target', cell: (project) => project.target.url },
      ]}
      empty={<>No API project yet. Create one with New: give it a context path and the backend’s URL, then deploy it to a server group.</>}
    />
  );
}
