import { describe, expect, it } from 'vitest';
import type { AnalyticsEvent } from '../ports/analytics.js';
import {
  ANALYTICS_DIMENSIONS,
  bucketStart,
  dimensionValue,
  INTERVAL_MS,
  SERIES_AT,
  SERIES_RESOLUTIONS,
  type SeriesDimension,
} from './dimensions.js';

const at = (iso: string) => Date.parse(iso);

function event(overrides: Partial<AnalyticsEvent> = {}): AnalyticsEvent {
  return {
    receivedAt: at('2026-12-04T10:05:30Z'),
    requestId: 'req',
    serverGroupId: 'g1',
    nodeId: 'node-a',
    projectId: 'proj-1',
    projectVersion: '3',
    resourceId: 'res-1',
    productId: 'prod-1',
    clientId: 'client-1',
    subscriptionId: 'sub-1',
    organizationId: 'org-1',
    method: 'GET',
    status: 200,
    errorCode: null,
    latencyMs: 10,
    backendLatencyMs: 8,
    bytesIn: 0,
    bytesOut: 0,
    ...overrides,
  };
}

describe('bucketStart', () => {
  it('starts minutes at second 0', () => {
    expect(bucketStart('minute', at('2026-12-04T10:05:30.123Z'))).toBe(at('2026-12-04T10:05:00Z'));
    expect(bucketStart('minute', at('2026-12-04T10:05:00Z'))).toBe(at('2026-12-04T10:05:00Z'));
    expect(bucketStart('minute', at('2026-12-04T10:05:59.999Z'))).toBe(at('2026-12-04T10:05:00Z'));
    expect(bucketStart('minute', at('2026-12-04T10:06:00Z'))).toBe(at('2026-12-04T10:06:00Z'));
  });

  it('starts hours at minute 0', () => {
    expect(bucketStart('hour', at('2026-12-04T10:59:59.999Z'))).toBe(at('2026-12-04T10:00:00Z'));
    expect(bucketStart('hour', at('2026-12-04T10:00:00Z'))).toBe(at('2026-12-04T10:00:00Z'));
    expect(bucketStart('hour', at('2026-12-04T11:00:00Z'))).toBe(at('2026-12-04T11:00:00Z'));
  });

  it('starts days at 00:00 UTC', () => {
    expect(bucketStart('day', at('2026-12-04T00:00:00Z'))).toBe(at('2026-12-04T00:00:00Z'));
    expect(bucketStart('day', at('2026-12-04T23:59:59.999Z'))).toBe(at('2026-12-04T00:00:00Z'));
    expect(bucketStart('day', at('2026-12-05T00:00:00Z'))).toBe(at('2026-12-05T00:00:00Z'));
    // Not the local day: 23:30 in UTC−05:00 is already the next UTC day.
    expect(bucketStart('day', at('2026-12-04T23:30:00-05:00'))).toBe(at('2026-12-05T00:00:00Z'));
    // A leap day.
    expect(bucketStart('day', at('2028-02-29T12:00:00Z'))).toBe(at('2028-02-29T00:00:00Z'));
  });

  it('starts ISO weeks on Monday 00:00 UTC', () => {
    // 2026-12-04 is a Friday: its week starts on Monday 2026-11-30.
    expect(new Date(at('2026-12-04T00:00:00Z')).getUTCDay()).toBe(5);
    expect(bucketStart('week', at('2026-12-04T15:30:00Z'))).toBe(at('2026-11-30T00:00:00Z'));
    expect(bucketStart('week', at('2026-11-30T00:00:00Z'))).toBe(at('2026-11-30T00:00:00Z'));
    expect(bucketStart('week', at('2026-11-29T23:59:59.999Z'))).toBe(at('2026-11-23T00:00:00Z'));
    // Sunday's last millisecond is still that week; Monday starts the next.
    expect(bucketStart('week', at('2026-12-06T23:59:59.999Z'))).toBe(at('2026-11-30T00:00:00Z'));
    expect(bucketStart('week', at('2026-12-07T00:00:00Z'))).toBe(at('2026-12-07T00:00:00Z'));
    // Across a year boundary: Thursday 2026-01-01 is in the week of Monday 2025-12-29.
    expect(bucketStart('week', at('2026-01-01T08:00:00Z'))).toBe(at('2025-12-29T00:00:00Z'));
    // Around the epoch (a Thursday) and before it.
    expect(bucketStart('week', 0)).toBe(at('1969-12-29T00:00:00Z'));
    expect(bucketStart('week', at('1970-01-05T00:00:00Z'))).toBe(at('1970-01-05T00:00:00Z'));
    expect(bucketStart('week', at('1969-12-20T12:00:00Z'))).toBe(at('1969-12-15T00:00:00Z'));
  });

  it('puts every instant in the bucket of its interval that holds it, and a week always on a Monday', () => {
    for (let i = 0; i < 500; i++) {
      const instant = at('2020-01-01T00:00:00Z') + i * 7_654_321_987;
      for (const interval of ['minute', 'hour', 'day', 'week'] as const) {
        const start = bucketStart(interval, instant);
        expect(start).toBeLessThanOrEqual(instant);
        expect(instant).toBeLessThan(start + INTERVAL_MS[interval]);
        expect(bucketStart(interval, start)).toBe(start);
      }
      const week = new Date(bucketStart('week', instant));
      expect(week.getUTCDay()).toBe(1);
      expect(week.getUTCHours() + week.getUTCMinutes() + week.getUTCSeconds() + week.getUTCMilliseconds()).toBe(0);
    }
  });

  it('has the right interval lengths', () => {
    expect(INTERVAL_MS).toEqual({ minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000 });
  });
});

describe('dimensionValue', () => {
  it('reads each dimension of an event', () => {
    const e = event({ status: 404 });
    const expected: Record<SeriesDimension, string> = {
      all: '',
      project: 'proj-1',
      resource: 'res-1',
      product: 'prod-1',
      client: 'client-1',
      subscription: 'sub-1',
      organization: 'org-1',
      status: '404',
      node: 'node-a',
    };
    for (const [dimension, value] of Object.entries(expected)) {
      expect(dimensionValue(e, dimension as SeriesDimension)).toBe(value);
    }
  });

  it('is null where the call never got that far (no project, no key)', () => {
    const e = event({
      projectId: null,
      resourceId: null,
      productId: null,
      clientId: null,
      subscriptionId: null,
      organizationId: null,
      status: 404,
    });
    for (const dimension of ['project', 'resource', 'product', 'client', 'subscription', 'organization'] as const) {
      expect(dimensionValue(e, dimension)).toBeNull();
    }
    expect(dimensionValue(e, 'status')).toBe('404');
    expect(dimensionValue(e, 'node')).toBe('node-a');
    expect(dimensionValue(e, 'all')).toBe('');
  });

  it('gives statuses as three-digit text', () => {
    for (const status of [200, 302, 429, 503]) expect(dimensionValue(event({ status }), 'status')).toBe(String(status));
  });
});

describe('series resolutions', () => {
  it('keep every dimension, and all, per hour', () => {
    expect([...SERIES_AT.hour].sort()).toEqual([...ANALYTICS_DIMENSIONS, 'all'].sort());
    expect(Object.keys(SERIES_RESOLUTIONS).sort()).toEqual([...ANALYTICS_DIMENSIONS, 'all'].sort());
  });

  it('keep clients, subscriptions and organizations per hour only', () => {
    expect([...SERIES_AT.minute].sort()).toEqual(['all', 'node', 'product', 'project', 'resource', 'status']);
    for (const dimension of ['client', 'subscription', 'organization'] as const) {
      expect(SERIES_AT.minute).not.toContain(dimension);
      expect(SERIES_RESOLUTIONS[dimension]).toEqual(['hour']);
    }
  });

  it('agree between SERIES_AT and SERIES_RESOLUTIONS', () => {
    for (const [dimension, resolutions] of Object.entries(SERIES_RESOLUTIONS)) {
      for (const resolution of ['minute', 'hour'] as const) {
        expect(SERIES_AT[resolution].includes(dimension as SeriesDimension)).toBe(resolutions.includes(resolution));
      }
    }
  });
});
