import { unwrap } from '@tollgate/api-client';
import { useParams } from 'react-router';
import { api } from '../../api';
import { DetailPage } from '../../components/detail-page';
import { useLoaded } from '../../components/use-loaded';
import type { ProjectContext } from './model';

const TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'resources', label: 'Resources' },
  { id: 'policies', label: 'Policies' },
  { id: 'deployments', label: 'Deployments' },
  { id: 'analytics', label: 'Analytics' },
  { id: 'permissions', label: 'Permissions' },
  { id: 'traces', label: 'Traces' },
];

/** The tabs of one API project; each tab reads the project from the outlet context. */
export function ProjectDetail() {
  const { id = '' } = useParams();
  const [project, setProject, problem] = useLoaded(() => unwrap(api.GET('/api/v1/projects/{id}', { params: { path: { id } } })), [id]);
  return (
    <DetailPage
      title={project?.name ?? id}
      subtitle={
        project !== undefined && (
          <>
            {project.contextPath} · version {project.version} · <span className={`badge ${project.status}`}>{project.status}</span> ·{' '}
            {project.target.url}
          </>
        )
      }
      problem={problem}
      base={`/projects/${id}`}
      tabs={TABS}
      context={project && ({ project, setProject } satisfies ProjectContext)}
    />
  );
}
