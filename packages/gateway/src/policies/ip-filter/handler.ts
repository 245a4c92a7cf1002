import type { Exchange } from '../../exchange.js';
import { type PolicyHandler, reject } from '../kit.js';
import { parseAddress } from './address.js';
import { AddressSet, parseCidr } from './cidr.js';
import { resolveClientAddress } from './client-address.js';
import type { IpFilterConfig } from './schema.js';

/** Longest part of an unreadable address echoed in the refusal: it may be anything a proxy passed on. */
const MAX_ECHOED = 64;

/**
 * Refuses calls from addresses outside `allow` (when it lists any) or inside `deny` with 403
 * IP_DENIED. The lists are compiled to masks once; a call parses one address and compares words.
 */
export function createIpFilter(config: IpFilterConfig): PolicyHandler {
  const allow = AddressSet.compile(config.allow);
  const deny = AddressSet.compile(config.deny);
  const proxies = AddressSet.compile(config.trustedProxies);
  const behindProxies = !proxies.empty;
  const allowAll = allow.empty;
  // Scratch for the client address; the hook is synchronous, so one per instance is enough.
  const words = new Uint32Array(4);
  return {
    onRequest(exchange: Exchange) {
      let address = exchange.clientAddress;
      if (behindProxies) {
        address = resolveClientAddress(address, exchange.header('x-forwarded-for'), proxies);
        // Later policies (limits keyed by ip) count the real client, not the load balancer.
        exchange.clientAddress = address;
      }
      const family = parseAddress(address, words, true);
      // Fail closed: an address that cannot be read matches no allow entry and could hide a denied one.
      if (family === 0) return reject('IP_DENIED', `the client address '${address.slice(0, MAX_ECHOED)}' is not an IP address`);
      if (deny.has(family, words) || (!allowAll && !allow.has(family, words))) {
        return reject('IP_DENIED', `the client address ${address} is not allowed`);
      }
      return undefined;
    },
  };
}

/** Field errors for entries that are not CIDRs (`{ 'allow.2': "not a CIDR: ..." }`), and for a filter without rules. */
export function checkIpFilter(config: unknown): Record<string, string> {
  const { allow, deny, trustedProxies } = config as IpFilterConfig;
  const problems: Record<string, string> = {};
  for (const [field, list] of [
    ['allow', allow],
    ['deny', deny],
    ['trustedProxies', trustedProxies],
  ] as const) {
    list.forEach((entry, index) => {
      const result = parseCidr(entry);
      if (!result.ok) problems[`${field}.${index}`] = result.reason;
    });
  }
  // A filter with neither list would admit everyone while looking like protection.
  if (allow.length === 0 && deny.length === 0) problems[''] = 'list at least one CIDR block in allow or deny';
  return problems;
}
