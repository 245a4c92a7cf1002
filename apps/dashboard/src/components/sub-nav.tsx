import { NavLink } from 'react-router';
import { useServerGroup, withGroup } from '../shell/server-group';

/** One link of a {@link SubNav}: where it goes, and what it says. */
export interface NavItem {
  to: string;
  label: string;
}

/**
 * A row of links under a section or above a detail page's tabs, the current one marked. Each link
 * keeps the chosen server group, so moving between them does not lose it.
 */
export function SubNav({ label, links, className = 'subnav' }: { label: string; links: readonly NavItem[]; className?: string }) {
  const [group] = useServerGroup();
  return (
    <nav className={className} aria-label={label}>
      {links.map((link) => (
        <NavLink key={link.to} to={withGroup(link.to, group)} className={({ isActive }) => (isActive ? 'active' : '')}>
          {link.label}
        </NavLink>
      ))}
    </nav>
  );
}
