import { type RedisCounterOptions, RedisCounters } from '../counters/redis.js';

/**
 * The Redis URL tests may use (`TOLLGATE_TEST_REDIS_URL`), or undefined after printing why
 * Redis tests are skipped. With `TOLLGATE_REQUIRE_SERVICES=1` (as in CI) a missing URL throws
 * instead, so a missing Redis never passes silently.
 */
export function testRedisUrl(): string | undefined {
  const url = process.env.TOLLGATE_TEST_REDIS_URL;
  if (url !== undefined && url !== '') return url;
  if (process.env.TOLLGATE_REQUIRE_SERVICES === '1') {
    throw new Error('TOLLGATE_REQUIRE_SERVICES=1 but TOLLGATE_TEST_REDIS_URL is not set: Redis tests cannot run');
  }
  console.warn('[tollgate] Redis tests skipped: set TOLLGATE_TEST_REDIS_URL (e.g. redis://127.0.0.1:6379) to run them');
  return undefined;
}

/** A key prefix no other test run (nor another test of this run) uses. */
export function testRedisPrefix(): string {
  return `tollgate-test:${process.pid}:${Math.random().toString(36).slice(2, 10)}:`;
}

/** Redis counters for one test, with the means to throw their keys away. */
export interface TestRedisCounters {
  counters: RedisCounters;
  prefix: string;
  /** Deletes every key under the prefix and disconnects. */
  dispose(): Promise<void>;
}

/** Resolves once the counters' connection is ready; rejects (and disconnects) after `timeoutMs`. */
export async function waitUntilReady(counters: RedisCounters, url: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!counters.ready) {
    if (Date.now() > deadline) {
      await counters.close();
      // A URL was given, so Redis was meant to be there: failing beats a silent skip.
      throw new Error(`Redis at ${url} is unreachable (TOLLGATE_TEST_REDIS_URL): start it or unset the variable`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Connects Redis counters under a fresh key prefix (unless `options.prefix` names one to share,
 * as the nodes of a group do) and waits until they are ready.
 */
export async function openTestRedisCounters(url: string, options: Partial<RedisCounterOptions> = {}): Promise<TestRedisCounters> {
  const prefix = options.prefix ?? testRedisPrefix();
  // Generous timeout: a loaded test machine must not turn into a spurious store failure.
  const counters = new RedisCounters({ commandTimeoutMs: 2_000, ...options, url, prefix });
  await waitUntilReady(counters, url);
  return {
    counters,
    prefix,
    async dispose() {
      await counters.clear();
      await counters.close();
    },
  };
}
