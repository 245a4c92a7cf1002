import type { Exchange } from '../../exchange.js';
import type { CachedAnswer } from './lru-store.js';

/** Where answers are kept: in memory (synchronous) or in Redis. */
export interface AnswerStore {
  get(key: string, now: number): CachedAnswer | undefined | Promise<CachedAnswer | undefined>;
  set(key: string, answer: CachedAnswer): void;
}

/**
 * A miss waiting for the backend's answer. A policy instance runs in one flow only, so the
 * lookup (request flow) hands the store and key to the instance in the response flow through
 * the exchange: kept here, weakly, since Exchange has no place for it.
 */
export interface PendingStore {
  store: AnswerStore;
  key: string;
  ttlMs: number;
  shared: boolean;
  maxEntryBytes: number;
}

const byExchange = new WeakMap<Exchange, PendingStore>();

/** Records that the answer to this call should be stored. */
export function awaitAnswer(exchange: Exchange, pending: PendingStore): void {
  byExchange.set(exchange, pending);
}

/** The pending store of this call, once (a second response-flow instance does not store it again). */
export function takePending(exchange: Exchange): PendingStore | undefined {
  const pending = byExchange.get(exchange);
  if (pending !== undefined) byExchange.delete(exchange);
  return pending;
}
