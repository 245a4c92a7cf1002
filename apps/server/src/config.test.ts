import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR, parseAnalyticsRetention, parseGatewayBinding, resolveConfig } from './config.js';

describe('resolveConfig', () => {
  it('defaults to loopback, port 9400, SQLite in ./.tollgate and gateways for production and development', () => {
    expect(resolveConfig({}, {})).toEqual({
      dataDir: resolve(DEFAULT_DATA_DIR),
      databaseUrl: undefined,
      host: '127.0.0.1',
      port: 9400,
      adminToken: undefined,
      logLevel: 'info',
      gateways: [
        { serverGroupId: 'production', port: 8080 },
        { serverGroupId: 'development', port: 8081 },
      ],
      redisUrl: undefined,
      analytics: 'rollups',
      analyticsRetention: { raw: 7 * 86_400_000, minute: 30 * 86_400_000, hour: 400 * 86_400_000 },
      metering: 'async',
    });
  });

  it('takes the metering mode from --metering, else TOLLGATE_METERING, and refuses another', () => {
    expect(resolveConfig({ metering: 'sync' }, { TOLLGATE_METERING: 'async' }).metering).toBe('sync');
    expect(resolveConfig({}, { TOLLGATE_METERING: 'sync' }).metering).toBe('sync');
    expect(() => resolveConfig({}, { TOLLGATE_METERING: 'eventually' })).toThrow(/async, sync/);
  });

  it('replaces the default gateways with the ones named', () => {
    expect(resolveConfig({ gateway: [{ serverGroupId: 'edge', port: 0 }] }, {}).gateways).toEqual([{ serverGroupId: 'edge', port: 0 }]);
  });

  it('parses group=port gateway bindings and refuses anything else', () => {
    expect(parseGatewayBinding('production=8080')).toEqual({ serverGroupId: 'production', port: 8080 });
    for (const bad of ['production', '=8080', 'Prod=8080', 'production=99999', 'production=80x']) {
      expect(() => parseGatewayBinding(bad), bad).toThrow(/<server-group>=<port>/);
    }
  });

  it('reads TOLLGATE_* variables and lets flags override them', () => {
    const env = {
      TOLLGATE_DATA_DIR: '/var/lib/tollgate',
      TOLLGATE_DATABASE_URL: 'postgres://db/tollgate',
      TOLLGATE_HOST: '0.0.0.0',
      TOLLGATE_PORT: '9500',
      TOLLGATE_ADMIN_TOKEN: 'secret',
      TOLLGATE_REDIS_URL: 'redis://cache:6379',
    };
    expect(resolveConfig({}, env)).toMatchObject({
      dataDir: '/var/lib/tollgate',
      databaseUrl: 'postgres://db/tollgate',
      port: 9500,
      redisUrl: 'redis://cache:6379',
    });
    expect(resolveConfig({ port: 1, host: '::1', database: 'postgres://other', redis: 'redis://other' }, env)).toMatchObject({
      redisUrl: 'redis://other',
      port: 1,
      host: '::1',
      databaseUrl: 'postgres://other',
      adminToken: 'secret',
    });
  });

  it('treats empty variables as unset', () => {
    expect(resolveConfig({}, { TOLLGATE_ADMIN_TOKEN: '', TOLLGATE_DATABASE_URL: '', TOLLGATE_REDIS_URL: '' })).toMatchObject({
      adminToken: undefined,
      databaseUrl: undefined,
      redisUrl: undefined,
    });
  });

  it('refuses a port outside 0…65535', () => {
    expect(() => resolveConfig({}, { TOLLGATE_PORT: '70000' })).toThrow(/port/);
    expect(() => resolveConfig({}, { TOLLGATE_PORT: 'abc' })).toThrow(/port/);
  });

  it('records rollups by default; --analytics or TOLLGATE_ANALYTICS choose full or off, and refuse anything else', () => {
    expect(resolveConfig({}, {}).analytics).toBe('rollups');
    expect(resolveConfig({ analytics: 'off' }, { TOLLGATE_ANALYTICS: 'full' }).analytics).toBe('off');
    expect(resolveConfig({}, { TOLLGATE_ANALYTICS: 'full' }).analytics).toBe('full');
    expect(() => resolveConfig({}, { TOLLGATE_ANALYTICS: 'on' })).toThrow(/rollups, full, off/);
  });

  it('keeps analytics 7 days raw, 30 days per minute and 400 days per hour unless told otherwise', () => {
    const DAY = 86_400_000;
    expect(resolveConfig({}, {}).analyticsRetention).toEqual({ raw: 7 * DAY, minute: 30 * DAY, hour: 400 * DAY });
    expect(resolveConfig({}, { TOLLGATE_ANALYTICS_RETENTION: 'raw=2d, hour=36h' }).analyticsRetention).toEqual({
      raw: 2 * DAY,
      minute: 30 * DAY,
      hour: 36 * 3_600_000,
    });
    expect(parseAnalyticsRetention('minute=1d')).toEqual({ raw: 7 * DAY, minute: DAY, hour: 400 * DAY });
    for (const bad of ['raw=7', 'raw=0d', 'seconds=3d', 'raw=7d;hour=1d', 'raw=1w'])
      expect(() => parseAnalyticsRetention(bad)).toThrow(/raw\|minute\|hour/);
  });
});
