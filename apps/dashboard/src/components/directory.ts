import { type Answer, unwrap } from '@tollgate/api-client';
import { useMemo } from 'react';
import { api } from '../api';
import { useItems } from './use-items';

/** A user as the API answers it. */
export type User = Answer<'getUser'>;
/** A group as the API answers it. */
export type Group = Answer<'getGroup'>;

/** What the pickers offer before (or without) their list: nothing. */
const NONE: never[] = [];

const groups = () => unwrap(api.GET('/api/v1/groups', { params: { query: { limit: 100 } } }));
const users = () => unwrap(api.GET('/api/v1/users', { params: { query: { limit: 100 } } }));

/** The groups to offer (the first 100, by id); none while loading or when they cannot be read. */
export function useGroups(): Group[] {
  return useItems(groups) ?? NONE;
}

/** The usernames to offer (the first 100); none while loading or when they cannot be read. */
export function useUsernames(): string[] {
  const list = useItems(users);
  return useMemo(() => (list ?? NONE).map((user) => user.username), [list]);
}
