/**
 * The Redis URL tests use, from `TOLLGATE_TEST_REDIS_URL`. Unset: Redis tests are skipped with
 * a printed reason. With `TOLLGATE_REQUIRE_SERVICES=1` (as in CI) a missing URL throws instead,
 * so missing Redis never passes silently.
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
