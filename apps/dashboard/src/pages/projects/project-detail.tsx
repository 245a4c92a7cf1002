import { unwrap } from '@tollgate/api-client';
import { useEffect, useState } from 'react';
import { Outlet, useParams } from 'react-router';
import { api } from '../../api';
import { ProblemBanner, useProblem } from '../../components/problem';
import { Tabs } from '../../components/tabs';
import type { Project, ProjectContext } from './model';

const TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'resources', label: 'Resources' },
  { id: 'policies', label: 'Policies' },
  { id: 'deployments', label: 'Deployments' },
  { id: 'permissions', label: 'Permissions' },
  { id: 'traces', label: 'Traces' },
];

/** The tabs of one API project; each tab reads the project from the outlet context. */
export function ProjectDetail() {
  const { id = '' } = useParams();
  const [project, setProject] = useState<Project | undefined>();
  const problem = useProblem();
  useEffect(() => {
    unwrap(api.GET('/api/v1/projects/{id}', { params: { path: { id } } })).then(setProject, problem.show);
  }, [id, problem.show]);
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
