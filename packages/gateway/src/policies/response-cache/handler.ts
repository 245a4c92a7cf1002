import type { Exchange, ExchangeResponse } from '../../exchange.js';
import type { PolicyHandler, PolicyKit, Reply } from '../kit.js';
import { cacheDirectives } from './cache-control.js';
import { type CachedAnswer, LruStore } from './lru-store.js';
import { type AnswerStore, awaitAnswer, type PendingStore, takePending } from './pending.js';
import { RedisAnswerStore } from './redis-store.js';
import type { ResponseCacheConfig } from './schema.js';

/** Response headers that belong to one call, never to a kept answer. */
const PER_CALL = ['content-length', 'x-request-id', 'age', 'x-cache'];

/**
 * Serves GET answers from memory. A policy instance runs in one flow, so the cache takes two:
 * in a request flow it looks the call up (a hit answers at once, a miss is marked); in a
 * response flow it stores the marked call's 200 answer (`readsResponseBody`). The store belongs
 * to the request-flow instance and lives as long as the snapshot.
 */
export function createResponseCache(config: ResponseCacheConfig, kit: PolicyKit): PolicyHandler {
  const store: AnswerStore =
    config.store === 'redis' && kit.sharedCache !== undefined
      ? new RedisAnswerStore(kit.sharedCache, `${kit.serverGroupId}:${kit.instance}:`)
      : new LruStore(config.maxEntries, config.maxBytes);
  const keyHeaders = config.keyHeaders.map((name) => name.toLowerCase());
  const pendingOf = (key: string): PendingStore => ({
    store,
    key,
    ttlMs: config.ttlSeconds * 1000,
    shared: config.shared,
    maxEntryBytes: config.maxEntryBytes,
  });

  return {
    readsResponseBody: true,
    onRequest(exchange: Exchange): Reply | undefined | Promise<Reply | undefined> {
      if (exchange.method !== 'GET') return undefined;
      const identity = exchange.identity;
      // A private cache needs someone to keep answers for; a shared one must not serve what an
      // Authorization header may have personalised (RFC 9111 §3.5).
      if (config.shared ? exchange.request.headers.authorization !== undefined : identity === undefined) return undefined;
      const parts = [exchange.method, exchange.path, exchange.query];
      for (const name of keyHeaders) parts.push(headerText(exchange.requestHeaders[name]));
      if (!config.shared && identity !== undefined) parts.push(identity.subscriptionId, identity.clientId, identity.productId);
      const key = kit.digest(JSON.stringify(parts));
      const now = kit.now();
      const decide = (cached: CachedAnswer | undefined): Reply | undefined => {
        if (cached !== undefined && variesAlike(cached, exchange)) return hit(cached, now);
        awaitAnswer(exchange, pendingOf(key));
        return undefined;
      };
      const cached = store.get(key, now);
      return cached instanceof Promise ? cached.then(decide) : decide(cached);
    },
    onResponse(exchange: Exchange) {
      const pending = takePending(exchange);
      const response = exchange.response;
      if (pending === undefined || response === undefined) return undefined;
      const answer = cacheable(response, exchange, pending, kit.now());
      if (answer !== undefined) {
        pending.store.set(pending.key, answer);
        response.headers['x-cache'] = 'MISS';
      }
      return undefined;
    },
  };
}

/** The answer as kept, or undefined when it must not be kept. */
function cacheable(response: ExchangeResponse, exchange: Exchange, pending: PendingStore, now: number): CachedAnswer | undefined {
  const { status, headers, body } = response;
  if (status !== 200 || body === undefined || body.length > pending.maxEntryBytes) return undefined;
  // A cookie is one client's state: replaying it would hand it to another call.
  if (headers['set-cookie'] !== undefined) return undefined;
  const directives = cacheDirectives(headers['cache-control']);
  if (directives.noStore || directives.noCache || (pending.shared && directives.private)) return undefined;
  const backendAge = pending.shared ? (directives.sMaxAge ?? directives.maxAge) : directives.maxAge;
  const ttlMs = backendAge === undefined ? pending.ttlMs : Math.min(pending.ttlMs, backendAge * 1000);
  if (ttlMs <= 0) return undefined;
  const varyNames = headerText(headers.vary)
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  if (varyNames.includes('*')) return undefined;
  const kept: Record<string, string | string[]> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined && !PER_CALL.includes(name)) kept[name] = typeof value === 'number' ? String(value) : value;
  }
  return {
    headers: kept,
    body,
    storedAt: now,
    expiresAt: now + ttlMs,
    vary: varyNames.map((name) => [name, headerText(exchange.requestHeaders[name])] as const),
  };
}

/** Whether this call asks with the same values of the headers the kept answer varies on. */
function variesAlike(cached: CachedAnswer, exchange: Exchange): boolean {
  for (const [name, value] of cached.vary) if (headerText(exchange.requestHeaders[name]) !== value) return false;
  return true;
}

function hit(cached: CachedAnswer, now: number): Reply {
  // Reply headers are strings; a repeated header (set-cookie never is) is sent joined.
  const headers: Record<string, string> = {};
  for (const name in cached.headers) headers[name] = headerText(cached.headers[name]);
  headers.age = String(Math.floor((now - cached.storedAt) / 1000));
  headers['x-cache'] = 'HIT';
  return { status: 200, headers, body: cached.body };
}

function headerText(value: string | string[] | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return typeof value === 'number' ? String(value) : value.join(', ');
}
