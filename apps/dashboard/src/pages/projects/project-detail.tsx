import { unwrap } from '@tollgate/api-client';
import { Outlet, useParams } from 'react-router';
import { api } from '../../api';
import { ProblemBanner } from '../../components/problem';
import { Tabs } from '../../components/tabs';
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
    <section>
      <header className="page-header">
        <h1>{project?.name ?? id}</h1>
        {project !== undefined && (
          <span className="muted">
            {project.contextPath} · version {project.version} · <span className={`badge ${project.status}`}>{project.status}</span> ·{' '}
            {project.target.url}
          </span>
        )}
      </header>
      <ProblemBanner problem={problem} />
      <Tabs base={`/projects/${id}`} tabs={TABS} />
      {project !== undefined && <Outlet context={{ project, setProject } satisfies ProjectContext} />}
    </section>
  );
}
