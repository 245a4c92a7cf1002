import type { ReactNode } from 'react';
import { createBrowserRouter, Navigate, useLocation } from 'react-router';
import { session } from './api';
import { administrationRoutes } from './pages/administration/routes';
import { analyticsRoutes } from './pages/analytics/routes';
import { applicationRoutes } from './pages/applications/routes';
import { LoginPage } from './pages/login';
import { projectRoutes } from './pages/projects/routes';
import { serverGroupRoutes } from './pages/server-groups/routes';
import { NotFoundPage, RouteError } from './shell/errors';
import { Layout } from './shell/layout';

/** Sends a visitor without a session to the login page, which comes back here afterwards. */
function RequireSession({ children }: { children: ReactNode }) {
  const location = useLocation();
  if (session.token() === undefined)
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return children;
}

/** Every page has its own URL (a deep link); the server answers `index.html` for each. */
export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireSession>
        <Layout />
      </RequireSession>
    ),
    // For a failure of the shell itself; a page's failure is caught below, inside the shell.
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <Navigate to="/products" replace /> },
          ...projectRoutes,
          ...applicationRoutes,
          ...analyticsRoutes,
          ...serverGroupRoutes,
          ...administrationRoutes,
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
