/**
 * Key pairs just issued by a create, waiting for the subscription's page to show them once.
 * Kept in memory only (not in the URL, history state or storage): a reload, or a visit later,
 * finds nothing, which is what "shown once" means. The page reads them, then forgets them here.
 */
export interface KeyPair {
  consumerKey: string;
  consumerSecret: string;
}

const waiting = new Map<string, Record<string, KeyPair>>();

/** The pairs of an answer's products that carry one (create, PATCH adding a product, regenerate), by product id. */
export function pairsOf(
  products: ReadonlyArray<{ productId: string; consumerKey?: string; consumerSecret?: string }>,
): Record<string, KeyPair> {
  const pairs: Record<string, KeyPair> = {};
  for (const { productId, consumerKey, consumerSecret } of products) {
    if (consumerKey !== undefined && consumerSecret !== undefined) pairs[productId] = { consumerKey, consumerSecret };
  }
  return pairs;
}

/** Hands a new subscription's pairs to its page. */
export function handOver(subscriptionId: string, pairs: Record<string, KeyPair>): void {
  waiting.set(subscriptionId, pairs);
}

/** The pairs waiting for a subscription's page, without taking them (React may render twice). */
export function peek(subscriptionId: string): Record<string, KeyPair> {
  return waiting.get(subscriptionId) ?? {};
}

/** Drops the pairs once the page holds them. */
export function forget(subscriptionId: string): void {
  waiting.delete(subscriptionId);
}
