import { NavLink } from 'react-router';
import { useServerGroup } from '../shell/server-group';

/** The tabs of a detail page, one route each (`{base}/{tab}`), so every tab has a deep link. */
export function Tabs({ base, tabs }: { base: string; tabs: ReadonlyArray<{ id: string; label: string }> }) {
  const [group] = useServerGroup();
  return (
    <nav className="tabs" aria-label="Tabs">
      {tabs.map((tab) => (
        <NavLink
          key={tab.id}
          to={`${base}/${tab.id}?group=${encodeURIComponent(group)}`}
          className={({ isActive }) => (isActive ? 'active' : '')}
        >
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}
