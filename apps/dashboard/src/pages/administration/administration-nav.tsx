import { Outlet } from 'react-router';
import { SubNav } from '../../components/sub-nav';

const PAGES = [
  { to: '/administration/users', label: 'Users' },
  { to: '/administration/groups', label: 'Groups' },
  { to: '/administration/permissions', label: 'Permissions' },
  { to: '/administration/audit', label: 'Audit log' },
];

/** The sub-navigation of Administration, above the page chosen. Users, groups and grants span every server group. */
export function AdministrationLayout() {
  return (
    <>
      <SubNav label="Administration" links={PAGES} />
      <Outlet />
    </>
  );
}
