import type { Redis } from 'ioredis';
import { openRedis } from '../redis-connection.js';
import type { CounterRequest, CounterStore, Decision } from './counters.js';

// One script per decision: read, decide and write happen atomically inside Redis, so a limit of
// N admits at most N calls whatever the number of nodes and concurrent clients.
const FIXED = `
local limit = tonumber(ARGV[1])
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count >= limit then return {0, 0} end
count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIREAT', KEYS[1], ARGV[2]) end
return {1, limit - count}`;

const SLIDING = `
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
if count >= limit then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {0, 0, tonumber(oldest[2]) + window}
end
redis.call('ZADD', KEYS[1], now, ARGV[4])
redis.call('PEXPIRE', KEYS[1], window)
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {1, limit - count - 1, tonumber(oldest[2]) + window}`;

const SMOOTH = `
local interval = tonumber(ARGV[1])
local tolerance = tonumber(ARGV[2]) * interval
local now = tonumber(ARGV[3])
local tat = tonumber(redis.call('GET', KEYS[1]) or ARGV[3])
if tat < now then tat = now end
if tat - now > tolerance then return {0, 0, tostring(tat - tolerance)} end
local nextTat = tat + interval
redis.call('SET', KEYS[1], tostring(nextTat), 'PX', math.ceil(nextTat - now))
return {1, math.floor((tolerance - (nextTat - now) + interval) / interval), tostring(nextTat)}`;

const CONCURRENT = `
local limit = tonumber(ARGV[1])
local now = tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local count = redis.call('ZCARD', KEYS[1])
if count >= limit then return {0, 0} end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return {1, limit - count - 1}`;

type Reply = [number, number, (number | string)?];

interface ScriptedRedis extends Redis {
  tgFixed(key: string, limit: number, windowEnd: number): Promise<Reply>;
  tgSliding(key: string, limit: number, windowMs: number, now: number, member: string): Promise<Reply>;
  tgSmooth(key: string, intervalMs: number, burst: number, now: number): Promise<Reply>;
  tgConcurrent(key: string, limit: number, member: string, leaseMs: number, now: number): Promise<Reply>;
}

/** How the Redis counter store connects. */
export interface RedisCounterOptions {
  url: string;
  /** Prefix of every key (default `tollgate:`). */
  prefix?: string;
  /** A command that takes longer fails (and the limit follows `onStoreFailure`); default 250 ms. */
  commandTimeoutMs?: number;
}

/**
 * Counters shared by the nodes of a group through Redis. Commands are never queued while the
 * connection is down: they fail at once, so a Redis outage costs no latency, and the client
 * reconnects in the background.
 */
export class RedisCounters implements CounterStore {
  private readonly redis: ScriptedRedis;

  constructor(options: RedisCounterOptions) {
    this.redis = openRedis({ ...options, prefix: options.prefix ?? 'tollgate:' }) as ScriptedRedis;
    this.redis.defineCommand('tgFixed', { numberOfKeys: 1, lua: FIXED });
    this.redis.defineCommand('tgSliding', { numberOfKeys: 1, lua: SLIDING });
    this.redis.defineCommand('tgSmooth', { numberOfKeys: 1, lua: SMOOTH });
    this.redis.defineCommand('tgConcurrent', { numberOfKeys: 1, lua: CONCURRENT });
  }

  /** Whether the connection is up (commands sent now would be answered). */
  get ready(): boolean {
    return this.redis.status === 'ready';
  }

  async take(request: CounterRequest): Promise<Decision> {
    switch (request.kind) {
      case 'fixed': {
        const [admitted, remaining] = await this.redis.tgFixed(request.key, request.limit, request.windowEnd);
        return { admitted: admitted === 1, limit: request.limit, remaining, resetAt: request.windowEnd };
      }
      case 'sliding': {
        const { key, limit, windowMs, now, member } = request;
        const [admitted, remaining, resetAt] = await this.redis.tgSliding(key, limit, windowMs, now, member);
        return { admitted: admitted === 1, limit, remaining, resetAt: Number(resetAt) };
      }
      case 'smooth': {
        const [admitted, remaining, resetAt] = await this.redis.tgSmooth(request.key, request.intervalMs, request.burst, request.now);
        return { admitted: admitted === 1, limit: request.burst + 1, remaining, resetAt: Number(resetAt) };
      }
      case 'concurrent': {
        const { key, limit, member, leaseMs, now } = request;
        const [admitted, remaining] = await this.redis.tgConcurrent(key, limit, member, leaseMs, now);
        return { admitted: admitted === 1, limit, remaining, resetAt: admitted === 1 ? now : now + 1_000 };
      }
    }
  }

  async release(key: string, member: string): Promise<void> {
    await this.redis.zrem(key, member);
  }

  /** Deletes every key under the prefix (tests). */
  async clear(): Promise<void> {
    const prefix = this.redis.options.keyPrefix ?? '';
    const keys = await this.redis.keys(`${prefix}*`);
    if (keys.length > 0) await this.redis.unlink(...keys.map((key) => key.slice(prefix.length)));
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
