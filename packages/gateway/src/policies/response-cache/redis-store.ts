import type { SharedCache } from '../../cache/shared-cache.js';
import type { CachedAnswer } from './lru-store.js';

/**
 * Answers kept in the nodes' shared Redis: every node of the group (and any group using the
 * same Redis and policy) serves what one stored. An entry is one value: a 4-byte length, the
 * answer's JSON metadata, then the body bytes. A Redis failure is a miss; a store that fails is
 * skipped (caching only saves work).
 */
export class RedisAnswerStore {
  constructor(
    private readonly cache: SharedCache,
    /** Names the policy instance, so two policies never read each other's answers. */
    private readonly prefix: string,
  ) {}

  get(key: string, now: number): Promise<CachedAnswer | undefined> {
    return this.cache.get(this.prefix + key).then(
      (value) => {
        const answer = value === undefined ? undefined : decode(value);
        return answer !== undefined && answer.expiresAt > now ? answer : undefined;
      },
      () => undefined,
    );
  }

  set(key: string, answer: CachedAnswer): void {
    this.cache.set(this.prefix + key, encode(answer), answer.expiresAt - answer.storedAt).catch(() => {});
  }
}

/** The stored form of an answer. */
export function encode(answer: CachedAnswer): Buffer {
  const meta = Buffer.from(
    JSON.stringify({ headers: answer.headers, storedAt: answer.storedAt, expiresAt: answer.expiresAt, vary: answer.vary }),
  );
  const length = Buffer.alloc(4);
  length.writeUInt32BE(meta.length);
  return Buffer.concat([length, meta, answer.body]);
}

/** An answer from its stored form; undefined for anything else (another writer, a corrupt value). */
export function decode(value: Buffer): CachedAnswer | undefined {
  if (value.length < 4) return undefined;
  const length = value.readUInt32BE(0);
  if (4 + length > value.length) return undefined;
  try {
    const meta = JSON.parse(value.subarray(4, 4 + length).toString('utf8')) as Omit<CachedAnswer, 'body'>;
    return { ...meta, body: value.subarray(4 + length) };
  } catch {
    return undefined;
  }
}
