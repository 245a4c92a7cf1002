import { type Answer, unwrap } from '@tollgate/api-client';
import { useEffect, useState } from 'react';
import { api } from '../../api';

export type User = Answer<'getUser'>;
export type Group = Answer<'getGroup'>;

/**
 * The first 100 groups or usernames, to offer in pickers. A list that fails to load offers
 * nothing: the form still takes typed values, and the API names any that does not exist.
 */
function useFirstPage<T>(load: () => Promise<T[]>): T[] {
  const [items, setItems] = useState<T[]>([]);
  useEffect(() => {
    let current = true;
    load().then(
      (answer) => current && setItems(answer),
      () => current && setItems([]),
    );
    return () => {
      current = false;
    };
  }, [load]);
  return items;
}

const loadGroups = async () => (await unwrap(api.GET('/api/v1/groups', { params: { query: { limit: 100 } } }))).items;
const loadUsernames = async () =>
  (await unwrap(api.GET('/api/v1/users', { params: { query: { limit: 100 } } }))).items.map((user) => user.username);

/** The groups to offer (the first 100, by id). */
export function useGroups(): Group[] {
  return useFirstPage(loadGroups);
}

/** The usernames to offer (the first 100). */
export function useUsernames(): string[] {
  return useFirstPage(loadUsernames);
}
