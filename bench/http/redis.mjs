/**
 * Row (f) needs a Redis: TOLLGATE_BENCH_REDIS_URL, else the local default. Answers the URL, or
 * why the row is skipped (the bench does not install or start Redis).
 */
import { connect } from 'node:net';

/** @returns {Promise<{ url: string } | { skipped: string }>} */
export async function findRedis() {
  const url = process.env.TOLLGATE_BENCH_REDIS_URL || 'redis://127.0.0.1:6379';
  const { hostname, port } = new URL(url);
  const reachable = await new Promise((resolve) => {
    const socket = connect(Number(port || 6379), hostname);
    socket.setTimeout(1_000);
    const settle = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => settle(true));
    socket.once('error', () => settle(false));
    socket.once('timeout', () => settle(false));
  });
  return reachable ? { url } : { skipped: `no Redis at ${url} (set TOLLGATE_BENCH_REDIS_URL)` };
}
