import { Redis } from 'ioredis';

/** How a node connects to Redis (counters, shared cache). */
export interface RedisConnectionOptions {
  url: string;
  /** Prefix of every key the connection reads and writes. */
  prefix: string;
  /** A command that takes longer fails; default 250 ms. */
  commandTimeoutMs?: number;
}

/**
 * A Redis connection for the gateway's hot path: commands are never queued while the
 * connection is down — they fail at once, so an outage costs no latency and each caller
 * applies its own fallback — and the client reconnects in the background (every 0.1–2 s).
 */
export function openRedis(options: RedisConnectionOptions): Redis {
  const redis = new Redis(options.url, {
    keyPrefix: options.prefix,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs ?? 250,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
  });
  // Errors surface per command; a connection error alone must not crash the process.
  redis.on('error', () => {});
  return redis;
}
