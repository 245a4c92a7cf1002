import { NavLink, Outlet } from 'react-router';
import { useServerGroup } from '../../shell/server-group';

const PAGES = [
  { to: '/administration/users', label: 'Users' },
  { to: '/administration/groups', label: 'Groups' },
  { to: '/administration/permissions', label: 'Permissions' },
  { to: '/administration/audit', label: 'Audit log' },
];

/** The sub-navigation of Administration, above the page chosen. Users, groups and grants span every server group. */
export function AdministrationLayout() {
  const [group] = useServerGroup();
  return (
    <>
      <nav className="subnav" aria-label="Administration">
        {PAGES.map((page) => (
          <NavLink
            key={page.to}
            to={`${page.to}?group=${encodeURIComponent(group)}`}
            className={({ isActive }) => (isActive ? 'active' : '')}
          >
            {page.label}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </>
  );
}
