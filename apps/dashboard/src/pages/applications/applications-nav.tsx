import { NavLink } from 'react-router';
import { useServerGroup } from '../../shell/server-group';

const PAGES = [
  { to: '/products', label: 'Products' },
  { to: '/clients', label: 'Clients' },
  { to: '/subscriptions', label: 'Client Subscriptions' },
  { to: '/organizations', label: 'Organizations' },
];

/** The sub-navigation of Applications. */
export function ApplicationsNav() {
  const [group] = useServerGroup();
  return (
    <nav className="subnav" aria-label="Applications">
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
  );
}
