import { definePolicy } from '../kit.js';
import { checkIpFilter, createIpFilter } from './handler.js';
import { type IpFilterConfig, IpFilterSchema } from './schema.js';

/** IP filter: allow and deny lists of CIDR blocks, aware of trusted proxies; runs before authentication. */
export const ipFilter = definePolicy<IpFilterConfig>({
  name: 'ip-filter',
  description: 'Allows or refuses calls by client address (IPv4 and IPv6 CIDR lists, trusted proxies); refusals are 403 IP_DENIED.',
  priority: 10,
  flows: ['proxy-request'],
  scopes: ['project', 'resource'],
  schema: IpFilterSchema,
  check: checkIpFilter,
  create: createIpFilter,
});
