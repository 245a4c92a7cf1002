import type { Exchange } from '../exchange.js';
import { type KeyEntry, type Rejection, reject } from './kit.js';

const INACTIVE = reject('SUBSCRIPTION_INACTIVE', 'the subscription, its key or its client is not active');
const NOT_AUTHORIZED = reject('KEY_NOT_AUTHORIZED', "the key's product does not include this API in this server group");

/** Whether a key from the index still works at `now` (a regenerated key's predecessor stops after its grace). */
export function isLiveKey(entry: KeyEntry | undefined, now: number): entry is KeyEntry {
  return entry !== undefined && (entry.expiresAt === null || entry.expiresAt > now);
}

/**
 * Why a recognised key may not call this API, or undefined when it may: the same rule for
 * verify-api-key, verify-access-token and basic-auth. 403 SUBSCRIPTION_INACTIVE when the
 * subscription, key or client is not active; 403 KEY_NOT_AUTHORIZED when the key's product is
 * not offered in this group or does not contain the project.
 */
export function callerRefusal(entry: KeyEntry, exchange: Exchange): Rejection | undefined {
  if (!entry.active) return INACTIVE;
  if (!entry.offeredHere || !entry.projectIds.has(exchange.project.id)) return NOT_AUTHORIZED;
  return undefined;
}
