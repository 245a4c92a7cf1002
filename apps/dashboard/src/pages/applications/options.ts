import { type Answer, unwrap } from '@tollgate/api-client';
import { api } from '../../api';
import { useItems } from '../../components/use-items';

/** The most a list call answers at once: the selects offer the first 100 by id. */
const MAX = 100;

const organizations = () => unwrap(api.GET('/api/v1/organizations', { params: { query: { limit: MAX } } }));
const clients = () => unwrap(api.GET('/api/v1/clients', { params: { query: { limit: MAX } } }));
const products = () => unwrap(api.GET('/api/v1/products', { params: { query: { limit: MAX } } }));

/** Organizations to choose from (a client's, a parent). */
export const useOrganizationOptions = (): Array<Answer<'getOrganization'>> | undefined => useItems(organizations);
/** Clients to choose from (a subscription's). */
export const useClientOptions = (): Array<Answer<'getClient'>> | undefined => useItems(clients);
/** Products to choose from, in every server group (an organization's, a subscription's). */
export const useProductOptions = (): Array<Answer<'getProduct'>> | undefined => useItems(products);
