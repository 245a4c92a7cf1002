import type { RouteObject } from 'react-router';
import { NewServerGroup } from './new-server-group';
import { ServerGroupDetail } from './server-group-detail';
import { ServerGroupsList } from './server-groups-list';

/** The Server Groups section: the groups, their gateway nodes and configuration versions. */
export const serverGroupRoutes: RouteObject[] = [
  { path: 'server-groups', element: <ServerGroupsList /> },
  { path: 'server-groups/new', element: <NewServerGroup /> },
  { path: 'server-groups/:id', element: <ServerGroupDetail /> },
];
