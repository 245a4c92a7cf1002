import { unwrap } from '@tollgate/api-client';
import { useEffect, useState } from 'react';
import { Link, type LinkProps, useNavigate, useSearchParams } from 'react-router';
import { api } from '../api';

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

/** The most server groups a picker offers: the API's largest page. */
const MAX_GROUPS = 100;

/**
 * The ids of the server groups (the first 100), for a picker or checkboxes; read again when a
 * page fires {@link SERVER_GROUPS_CHANGED}. Undefined until they come, or if they cannot be read:
 * a picker then offers what it has (the chosen group), and the API names a wrong id on Save.
 */
export function useServerGroupIds(): string[] | undefined {
  const [ids, setIds] = useState<string[] | undefined>();
  useEffect(() => {
    // Only the newest read counts: one fired by a change may overtake the first.
    let latest = 0;
    let mounted = true;
    const read = () => {
      const request = ++latest;
      unwrap(api.GET('/api/v1/server-groups', { params: { query: { limit: MAX_GROUPS } } })).then(
        (page) => mounted && request === latest && setIds(page.items.map((group) => group.id)),
        // Nothing to show but what the picker has: a failed page load shows its own banner.
        () => undefined,
      );
    };
    read();
    window.addEventListener(SERVER_GROUPS_CHANGED, read);
    return () => {
      mounted = false;
      window.removeEventListener(SERVER_GROUPS_CHANGED, read);
    };
  }, []);
  return ids;
}
