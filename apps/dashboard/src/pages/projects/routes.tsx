import './projects.css';
import { Navigate, type RouteObject } from 'react-router';
import { AnalyticsTab, PermissionsTab } from '../../components/entity-tabs';
import { ProjectDeployments } from './deployments';
import { NewProject } from './new-project';
import { ProjectOverview } from './overview';
import { ProjectPolicies } from './policies';
import { ProjectDetail } from './project-detail';
import { ProjectsList } from './projects-list';
import { ProjectResources } from './resources';
import { TraceDetail } from './trace-detail';
import { ProjectTraces } from './traces';

/** The Analytics tab's filter: the project of the URL. */
const byProject = (id: string) => ({ projectId: id });

/** The API Projects section: the list, a new project, and each project's tabs. */
export const projectRoutes: RouteObject[] = [
  { path: 'projects', element: <ProjectsList /> },
  { path: 'projects/new', element: <NewProject /> },
  {
    path: 'projects/:id',
    element: <ProjectDetail />,
    children: [
      { index: true, element: <Navigate to="overview" replace /> },
      { path: 'overview', element: <ProjectOverview /> },
      { path: 'resources', element: <ProjectResources /> },
      { path: 'policies', element: <ProjectPolicies /> },
      { path: 'deployments', element: <ProjectDeployments /> },
      { path: 'analytics', element: <AnalyticsTab filterOf={byProject} /> },
      { path: 'permissions', element: <PermissionsTab collection="projects" /> },
      { path: 'traces', element: <ProjectTraces /> },
      { path: 'traces/:traceId', element: <TraceDetail /> },
    ],
  },
];
