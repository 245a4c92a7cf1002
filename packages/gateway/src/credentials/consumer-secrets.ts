import { timingSafeEqual } from 'node:crypto';
import type { GatewayConfigSource } from '@tollgate/domain';
import { sha256Hex } from '../snapshot/snapshot.js';

/** Raised when a secret is needed, is not cached, and the store cannot be read. */
export class SecretsUnavailable extends Error {
  constructor(cause: unknown) {
    super('the credential store cannot be reached', { cause });
  }
}

/** How many key → secret digest pairs a node keeps (least recently used go first). */
export const DEFAULT_SECRET_CACHE_SIZE = 100_000;

/**
 * Checks consumer secrets (OAuth client authentication, basic-auth) against the store's
 * digests. Secrets are not part of snapshots: a node reads a key's secret digest from the store
 * the first time the key authenticates with it, then keeps it. That is safe to keep for good:
 * a key digest always pairs with the same secret (regenerating issues a new key *and* secret),
 * and whether the key still opens anything is decided by the snapshot, not here.
 */
export class ConsumerSecrets {
  private readonly digests = new Map<string, Buffer>();

  constructor(
    private readonly source: Pick<GatewayConfigSource, 'secretDigestOf'>,
    private readonly capacity = DEFAULT_SECRET_CACHE_SIZE,
  ) {}

  /**
   * Whether `secret` is the consumer secret of the key with `keyDigest`. Synchronous when the
   * digest is cached; otherwise one store read. Throws {@link SecretsUnavailable} when the store
   * is needed and down.
   */
  matches(keyDigest: string, secret: string): boolean | Promise<boolean> {
    const cached = this.digests.get(keyDigest);
    if (cached !== undefined) {
      // Refresh its place: a Map iterates in insertion order, the first entry is the oldest.
      this.digests.delete(keyDigest);
      this.digests.set(keyDigest, cached);
      return equalDigest(cached, secret);
    }
    return this.source.secretDigestOf(keyDigest).then(
      (stored) => {
        if (stored === undefined) return false;
        const digest = Buffer.from(stored, 'hex');
        this.remember(keyDigest, digest);
        return equalDigest(digest, secret);
      },
      (error: unknown) => {
        throw new SecretsUnavailable(error);
      },
    );
  }

  private remember(keyDigest: string, digest: Buffer): void {
    this.digests.set(keyDigest, digest);
    if (this.digests.size > this.capacity) {
      const oldest = this.digests.keys().next().value;
      if (oldest !== undefined) this.digests.delete(oldest);
    }
  }
}

function equalDigest(stored: Buffer, secret: string): boolean {
  const given = Buffer.from(sha256Hex(secret), 'hex');
  return stored.length === given.length && timingSafeEqual(stored, given);
}
