import type { RouteObject } from 'react-router';
import { Navigate, useLocation } from 'react-router';
import { AdministrationLayout } from './administration-nav';
import { AuditLog } from './audit-log';
import { GroupDetail } from './group-detail';
import { GroupsList } from './groups-list';
import { NewGroup } from './new-group';
import { NewUser } from './new-user';
import { PermissionGrant } from './permission-grant';
import { PermissionsOverview } from './permissions-overview';
import { UserDetail } from './user-detail';
import { UsersList } from './users-list';

/** `/administration` opens Users, keeping the query (the chosen group). */
function ToUsers() {
  const { search } = useLocation();
  return <Navigate to={{ pathname: 'users', search }} replace />;
}

/** The Administration section: users, groups, global permissions and the audit log. */
export const administrationRoutes: RouteObject[] = [
  {
    path: 'administration',
    element: <AdministrationLayout />,
    children: [
      { index: true, element: <ToUsers /> },
      { path: 'users', element: <UsersList /> },
      { path: 'users/new', element: <NewUser /> },
      { path: 'users/:username', element: <UserDetail /> },
      { path: 'groups', element: <GroupsList /> },
      { path: 'groups/new', element: <NewGroup /> },
      { path: 'groups/:id', element: <GroupDetail /> },
      { path: 'permissions', element: <PermissionsOverview /> },
      { path: 'permissions/:type/:id', element: <PermissionGrant /> },
      { path: 'audit', element: <AuditLog /> },
    ],
  },
];
