import { resolve } from 'node:path';
import { type AnalyticsRetention, DEFAULT_ANALYTICS_RETENTION } from '@tollgate/domain';

/** Everything the all-in-one server needs to start. */
export interface ServerConfig {
  /** Data directory: the SQLite file and the generated admin token live here. */
  dataDir: string;
  /** PostgreSQL URL; unset means the embedded SQLite file. */
  databaseUrl: string | undefined;
  /** Interface the management server listens on. */
  host: string;
  port: number;
  /** Bootstrap admin token from the environment; unset: generated on first start. */
  adminToken: string | undefined;
  logLevel: string;
  /** Embedded gateway nodes: one per server group, each on its own port. */
  gateways: GatewayBinding[];
  /** Redis URL for limit counters shared by gateway nodes; unset: each node counts in memory. */
  redisUrl: string | undefined;
  /** What gateway nodes record of each call (docs/analytics.md). */
  analytics: AnalyticsMode;
  /** How long analytics data is kept per resolution. */
  analyticsRetention: AnalyticsRetention;
  /** When gateway nodes write the calls of monetized products to the ledger. */
  metering: MeteringMode;
}

/**
 * What gateway nodes record: `rollups` (per-minute and per-hour series, what the query API
 * reads), `full` (rollups plus one raw event per call: filter combinations rollups do not
 * hold, and per-call history), or `off`.
 */
export const ANALYTICS_MODES = ['rollups', 'full', 'off'] as const;
export type AnalyticsMode = (typeof ANALYTICS_MODES)[number];
export const DEFAULT_ANALYTICS_MODE: AnalyticsMode = 'rollups';

/** Parses an analytics mode (`--analytics`, `TOLLGATE_ANALYTICS`). */
export function parseAnalyticsMode(value: string): AnalyticsMode {
  if (!(ANALYTICS_MODES as readonly string[]).includes(value))
    throw new Error(`expected one of ${ANALYTICS_MODES.join(', ')}, got '${value}'`);
  return value as AnalyticsMode;
}

/** When the calls of monetized products reach the metering ledger (docs/monetization.md). */
export const METERING_MODES = ['async', 'sync'] as const;
export type MeteringMode = (typeof METERING_MODES)[number];

/** Parses a metering mode (`--metering`, `TOLLGATE_METERING`). */
export function parseMeteringMode(value: string): MeteringMode {
  if (!(METERING_MODES as readonly string[]).includes(value))
    throw new Error(`expected one of ${METERING_MODES.join(', ')}, got '${value}'`);
  return value as MeteringMode;
}

const DAY = 86_400_000;

/**
 * Parses `raw=7d,minute=30d,hour=400d` (`--analytics-retention`): any of the three, in whole
 * days (`d`) or hours (`h`); the others keep their defaults.
 */
export function parseAnalyticsRetention(value: string): AnalyticsRetention {
  const retention = { ...DEFAULT_ANALYTICS_RETENTION };
  for (const part of value.split(',')) {
    const match = /^(raw|minute|hour)=([1-9]\d{0,4})([dh])$/.exec(part.trim());
    if (match === null) throw new Error(`expected raw|minute|hour=<n>d|<n>h, comma-separated, got '${part}'`);
    retention[match[1] as keyof AnalyticsRetention] = Number(match[2]) * (match[3] === 'd' ? DAY : DAY / 24);
  }
  return retention;
}

/** A gateway node to run: the group it serves and its port. */
export interface GatewayBinding {
  serverGroupId: string;
  port: number;
}

/** Embedded gateways when none are named. */
export const DEFAULT_GATEWAYS: readonly GatewayBinding[] = [
  { serverGroupId: 'production', port: 8080 },
  { serverGroupId: 'development', port: 8081 },
];

/** Parses `group=port` (the `--gateway` flag). */
export function parseGatewayBinding(value: string): GatewayBinding {
  const match = /^([a-z0-9][a-z0-9._-]{0,63})=(\d{1,5})$/.exec(value);
  const port = Number(match?.[2]);
  if (match?.[1] === undefined || port > 65_535) throw new Error(`expected <server-group>=<port>, got '${value}'`);
  return { serverGroupId: match[1], port };
}

/** Command-line options; each overrides its environment variable. */
export interface ServerFlags {
  data?: string | undefined;
  database?: string | undefined;
  host?: string | undefined;
  port?: number | undefined;
  /** `group=port` bindings; empty or undefined: the defaults. */
  gateway?: GatewayBinding[] | undefined;
  redis?: string | undefined;
  analytics?: AnalyticsMode | undefined;
  analyticsRetention?: AnalyticsRetention | undefined;
  metering?: MeteringMode | undefined;
}

export const DEFAULT_PORT = 9400;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_DATA_DIR = '.tollgate';

/**
 * Resolves the configuration: flags, then `TOLLGATE_*` variables, then defaults. Loopback by
 * default so a first start never exposes the admin API to the network by accident.
 */
export function resolveConfig(flags: ServerFlags, env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = flags.port ?? (env.TOLLGATE_PORT === undefined ? DEFAULT_PORT : Number(env.TOLLGATE_PORT));
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`port must be an integer from 0 to 65535, got ${port}`);
  return {
    dataDir: resolve(flags.data ?? env.TOLLGATE_DATA_DIR ?? DEFAULT_DATA_DIR),
    databaseUrl: flags.database ?? nonEmpty(env.TOLLGATE_DATABASE_URL),
    host: flags.host ?? env.TOLLGATE_HOST ?? DEFAULT_HOST,
    port,
    adminToken: nonEmpty(env.TOLLGATE_ADMIN_TOKEN),
    logLevel: env.TOLLGATE_LOG_LEVEL ?? 'info',
    gateways: flags.gateway !== undefined && flags.gateway.length > 0 ? flags.gateway : [...DEFAULT_GATEWAYS],
    redisUrl: flags.redis ?? nonEmpty(env.TOLLGATE_REDIS_URL),
    analytics: flags.analytics ?? parseAnalyticsMode(nonEmpty(env.TOLLGATE_ANALYTICS) ?? DEFAULT_ANALYTICS_MODE),
    metering: flags.metering ?? parseMeteringMode(nonEmpty(env.TOLLGATE_METERING) ?? 'async'),
    analyticsRetention:
      flags.analyticsRetention ??
      (nonEmpty(env.TOLLGATE_ANALYTICS_RETENTION) === undefined
        ? DEFAULT_ANALYTICS_RETENTION
        : parseAnalyticsRetention(env.TOLLGATE_ANALYTICS_RETENTION ?? '')),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** Parses `<seq>:<hash>` as printed by `tollgate audit verify`. */
export function parseAuditHead(value: string): { seq: number; hash: string } {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(value.trim());
  if (match === null) throw new Error('expected <seq>:<hash>, as `tollgate audit verify` prints it (e.g. 42:9f86d0…)');
  return { seq: Number(match[1]), hash: match[2] as string };
}
