import './projects.css';
import { Navigate, type RouteObject } from 'react-router';
import { ProjectAnalytics } from './analytics';
import { ProjectDeployments } from './deployments';
import { NewProject } from './new-project';
import { ProjectOverview } from './overview';
import { ProjectPermissions } from './permissions';
import { ProjectPolicies } from './policies';
import { ProjectDetail } from './project-detail';
import { ProjectsList } from './projects-list';
import { ProjectResources } from './resources';
import { TraceDetail } from './trace-detail';
import { ProjectTraces } from './traces';

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
      { path: 'analytics', element: <ProjectAnalytics /> },
      { path: 'permissions', element: <ProjectPermissions /> },
      { path: 'traces', element: <ProjectTraces /> },
      { path: 'traces/:traceId', element: <TraceDetail /> },
    ],
  },
];
