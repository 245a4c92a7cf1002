import { useEffect, useState } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { api, SESSION_ENDED, session } from '../api';
import { useServerGroup, useServerGroupIds } from './server-group';

const SECTIONS = [
  { to: '/projects', label: 'API Projects' },
  { to: '/products', label: 'Applications', also: ['/clients', '/subscriptions', '/organizations'] },
  { to: '/analytics', label: 'Analytics' },
  { to: '/server-groups', label: 'Server Groups' },
  { to: '/administration', label: 'Administration' },
];

/** The frame of every signed-in page: brand, server group, sections, the user; the page below. */
export function Layout() {
  const [group, chooseGroup] = useServerGroup();
  const ids = useServerGroupIds();
  // The chosen group shows even before the list comes, or when it is past the first 100 (a deep link).
  const groups = ids === undefined ? [group] : ids.includes(group) ? ids : [...ids, group];
  const [user, setUser] = useState<string>('');
  const navigate = useNavigate();
  const location = useLocation();

  useEffect(() => {
    api.GET('/api/v1/auth/me').then(({ data }) => {
      if (data !== undefined) setUser(data.username ?? 'admin token');
    });
  }, []);

  useEffect(() => {
    const ended = () => navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
    window.addEventListener(SESSION_ENDED, ended);
    return () => window.removeEventListener(SESSION_ENDED, ended);
  }, [navigate, location]);

  // The session ends in this tab whatever the server answers: a failed call must not leave the user signed in.
  const logout = async () => {
    try {
      await api.POST('/api/v1/auth/logout');
    } catch {
      // The server could not be told (network down): the token is forgotten here all the same.
    } finally {
      session.end();
      navigate('/login');
    }
  };

  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">Tollgate</span>
        <label className="group-picker">
          Server group
          <select aria-label="Server group" value={group} onChange={(event) => chooseGroup(event.target.value)}>
            {groups.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
        <nav className="sections" aria-label="Sections">
          {SECTIONS.map((section) => (
            <NavLink
              key={section.to}
              to={`${section.to}?group=${encodeURIComponent(group)}`}
              className={() =>
                [section.to, ...(section.also ?? [])].some((prefix) => location.pathname.startsWith(prefix)) ? 'active' : ''
              }
            >
              {section.label}
            </NavLink>
          ))}
        </nav>
        <span className="user">{user}</span>
        <button type="button" className="link" onClick={logout}>
          Log out
        </button>
      </header>
      <main className="page">
        <Outlet />
      </main>
    </div>
  );
}
