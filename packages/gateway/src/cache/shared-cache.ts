import type { Redis } from 'ioredis';
import { openRedis } from '../redis-connection.js';

/**
 * A byte cache shared by the nodes that use the same Redis (`--redis`), for policies that keep
 * answers (response-cache). Every operation may fail (Redis down): callers treat a failure as
 * a miss, since a cache only saves work.
 */
export interface SharedCache {
  get(key: string): Promise<Buffer | undefined>;
  set(key: string, value: Buffer, ttlMs: number): Promise<void>;
  close(): Promise<void>;
}

/** How the Redis cache connects. */
export interface RedisCacheOptions {
  url: string;
  /** Prefix of every key (default `tollgate:cache:`). */
  prefix?: string;
  /** A command that takes longer fails (a miss); default 250 ms. */
  commandTimeoutMs?: number;
}

/** The shared cache in Redis; like the counters, commands are never queued while disconnected. */
export class RedisCache implements SharedCache {
  private readonly redis: Redis;

  constructor(options: RedisCacheOptions) {
    this.redis = openRedis({ ...options, prefix: options.prefix ?? 'tollgate:cache:' });
  }

  async get(key: string): Promise<Buffer | undefined> {
    return (await this.redis.getBuffer(key)) ?? undefined;
  }

  async set(key: string, value: Buffer, ttlMs: number): Promise<void> {
    await this.redis.set(key, value, 'PX', Math.max(1, Math.ceil(ttlMs)));
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
