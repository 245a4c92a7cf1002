import { unwrap } from '@tollgate/api-client';
import { api } from '../../api';
import type { AnalyticsFilter } from '../../components/analytics-panel';

/** A dimension the Analytics section narrows to. */
export type Dimension = 'project' | 'product' | 'client' | 'subscription' | 'organization';

/** The dimensions of the picker, with the filter each one sets. */
export const DIMENSIONS: ReadonlyArray<{ id: Dimension; label: string; filter: keyof AnalyticsFilter }> = [
  { id: 'project', label: 'API project', filter: 'projectId' },
  { id: 'product', label: 'Product', filter: 'productId' },
  { id: 'client', label: 'Client', filter: 'clientId' },
  { id: 'subscription', label: 'Client subscription', filter: 'subscriptionId' },
  { id: 'organization', label: 'Organization', filter: 'organizationId' },
];

/** An id to offer, with the name people know it by. */
export interface Suggestion {
  id: string;
  name: string;
}

/**
 * The first 100 ids of a dimension to offer while typing; projects and products those of the
 * chosen server group, since the charts are of that group. Any other id can still be typed.
 */
export async function suggestionsOf(dimension: Dimension, serverGroupId: string): Promise<Suggestion[]> {
  const query = { limit: 100 };
  const named = (page: { items: Suggestion[] }) => page.items.map(({ id, name }) => ({ id, name }));
  switch (dimension) {
    case 'project':
      return named(await unwrap(api.GET('/api/v1/projects', { params: { query: { ...query, serverGroupId } } })));
    case 'product':
      return named(await unwrap(api.GET('/api/v1/products', { params: { query: { ...query, serverGroupId } } })));
    case 'client':
      return named(await unwrap(api.GET('/api/v1/clients', { params: { query } })));
    case 'subscription':
      return named(await unwrap(api.GET('/api/v1/subscriptions', { params: { query } })));
    case 'organization':
      return named(await unwrap(api.GET('/api/v1/organizations', { params: { query } })));
  }
}
