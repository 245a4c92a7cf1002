import { type Static, Type } from 'typebox';

/** Most blocks one list holds: lookups scan the list, so it stays short enough to scan on every call. */
export const MAX_CIDRS = 1_000;

function cidrList(description: string) {
  return Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: MAX_CIDRS, default: [], description });
}

/** Which client addresses may call, and which proxies may name the client. */
export const IpFilterSchema = Type.Object(
  {
    allow: cidrList(
      'CIDR blocks allowed to call, IPv4 or IPv6 (a bare address is a /32 or /128). Not empty: every other address is refused. ' +
        'Empty (default): every address not denied may call.',
    ),
    deny: cidrList('CIDR blocks refused, IPv4 or IPv6; deny wins over allow.'),
    trustedProxies: cidrList(
      'CIDR blocks of proxies in front of the gateway (load balancers). When the peer is one, the client is the right-most ' +
        'X-Forwarded-For entry that is not a trusted proxy. Empty (default): the peer is the client and X-Forwarded-For is ignored.',
    ),
  },
  { additionalProperties: false },
);
export type IpFilterConfig = Static<typeof IpFilterSchema>;
