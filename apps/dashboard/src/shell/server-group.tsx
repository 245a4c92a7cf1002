import { Link, type LinkProps, useNavigate, useSearchParams } from 'react-router';

const STORED_GROUP = 'tollgate.serverGroup';
/** Fired by a page that created a server group, so the picker lists it without a reload. */
export const SERVER_GROUPS_CHANGED = 'tollgate:server-groups-changed';

/** The group a first visit shows. */
export const DEFAULT_GROUP = 'production';

/**
 * The server group every view follows: the `group` query parameter, so a deep link names it; else
 * the one chosen last (localStorage); else `production`.
 */
export function useServerGroup(): [group: string, choose: (group: string) => void] {
  const [params, setParams] = useSearchParams();
  const group = params.get('group') ?? localStorage.getItem(STORED_GROUP) ?? DEFAULT_GROUP;
  const choose = (next: string) => {
    localStorage.setItem(STORED_GROUP, next);
    setParams((current) => {
      const updated = new URLSearchParams(current);
      updated.set('group', next);
      return updated;
    });
  };
  return [group, choose];
}

/** `to` with the server group in its query, so the page it opens follows the same group. */
export function withGroup(to: string, group: string): string {
  const separator = to.includes('?') ? '&' : '?';
  return `${to}${separator}group=${encodeURIComponent(group)}`;
}

/** A link that keeps the chosen server group. */
export function GroupLink({ to, ...props }: LinkProps & { to: string }) {
  const [group] = useServerGroup();
  return <Link {...props} to={withGroup(to, group)} />;
}

/** Goes to a page as a {@link GroupLink} would (after Create or Delete): keeping the chosen server group. */
export function useGroupNavigate(): (to: string) => void {
  const [group] = useServerGroup();
  const navigate = useNavigate();
  return (to) => {
    navigate(withGroup(to, group));
  };
}
