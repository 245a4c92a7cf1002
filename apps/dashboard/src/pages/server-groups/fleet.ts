import { type Answer, unwrap } from '@tollgate/api-client';
import { useEffect, useState } from 'react';
import { api, messageOf } from '../../api';

export type ServerGroup = Answer<'getServerGroup'>;
export type GatewayNode = Answer<'listServerGroupNodes'>['items'][number];

/** Every server group with its gateway nodes, and the configuration version they should serve. */
export interface Fleet {
  groups: ServerGroup[];
  nodes: Record<string, GatewayNode[]>;
  /**
   * The newest configuration version any online node serves (any node, when none is online). The
   * version is one counter for every group, and nodes pick up a change within a quarter of a
   * second, so a node below it is still catching up or cannot reach the store.
   */
  current: number | null;
}

/** Reads the groups and, in parallel, the nodes of each. */
export async function loadFleet(): Promise<Fleet> {
  const page = await unwrap(api.GET('/api/v1/server-groups', { params: { query: { limit: 100 } } }));
  const lists = await Promise.all(
    page.items.map(async (group) => {
      const answer = await unwrap(api.GET('/api/v1/server-groups/{id}/nodes', { params: { path: { id: group.id } } }));
      return [group.id, answer.items] as const;
    }),
  );
  const nodes = Object.fromEntries(lists);
  const all = lists.flatMap(([, items]) => items);
  const online = all.filter((node) => node.status === 'online');
  const versions = (online.length > 0 ? online : all).flatMap((node) => (node.configVersion === null ? [] : [node.configVersion]));
  return { groups: page.items, nodes, current: versions.length === 0 ? null : Math.max(...versions) };
}

/** Nodes heartbeat every 5 s; the page reads again as often, so status and versions stay live. */
const REFRESH_MS = 5_000;

/** The fleet, read now and every few seconds while the page is open. */
export function useFleet(): { fleet: Fleet | undefined; error: string | undefined } {
  const [fleet, setFleet] = useState<Fleet | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    let current = true;
    const read = () =>
      loadFleet().then(
        (answer) => {
          if (!current) return;
          setFleet(answer);
          setError(undefined);
        },
        (failure: unknown) => current && setError(messageOf(failure)),
      );
    read();
    const timer = setInterval(read, REFRESH_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, []);
  return { fleet, error };
}
