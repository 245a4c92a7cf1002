import { type AnalyticsEvent, type AnalyticsFigures, RollupBuilder } from '@tollgate/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiHarness, startApi } from '../testing/harness.js';
import { expectProblem, itRequiresTheAdminToken } from '../testing/problems.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "Now" for every test: Wednesday 2026-03-11, 10:30 UTC. */
const NOW = Date.UTC(2026, 2, 11, 10, 30);
/** The start of the current hour. */
const H = Date.UTC(2026, 2, 11, 10);
const iso = (at: number) => new Date(at).toISOString();

let api: ApiHarness;

beforeEach(async () => {
  api = await startApi(undefined, { clock: { now: () => new Date(NOW) } });
});

afterEach(async () => {
  await api.close();
});

type Caller = Pick<AnalyticsEvent, 'productId' | 'clientId' | 'subscriptionId' | 'organizationId'>;
const GOLD_ACME: Caller = { productId: 'gold', clientId: 'acme', subscriptionId: 'acme-gold', organizationId: 'org-a' };
const SILVER_GLOBEX: Caller = { productId: 'silver', clientId: 'globex', subscriptionId: 'globex-silver', organizationId: 'org-b' };
const SILVER_ACME: Caller = { productId: 'silver', clientId: 'acme', subscriptionId: 'acme-silver', organizationId: 'org-a' };
const ANONYMOUS: Caller = { productId: null, clientId: null, subscriptionId: null, organizationId: null };
/** 5 in 12 calls gold/acme, 3 silver/globex, 2 silver/acme, 2 without a key. */
const CALLERS = [GOLD_ACME, GOLD_ACME, GOLD_ACME, GOLD_ACME, GOLD_ACME, SILVER_GLOBEX, SILVER_GLOBEX, SILVER_GLOBEX];
CALLERS.push(SILVER_ACME, SILVER_ACME, ANONYMOUS, ANONYMOUS);
/** Hours (relative to H) with calls: the hour H-4h has none. */
const HOURS = [-5, -3, -2, -1, 0];
const STATUSES = [200, 200, 201, 200, 404, 429, 500, 200, 503, 200, 204, 202, 302, 400, 403, 502, 200];

/**
 * 144 calls in the hours H-5h, H-3h, H-2h, H-1h and H (each in its first 30 minutes, so before
 * NOW), over server groups eu and us, projects shop and billing (none for unroutable calls).
 */
function makeEvents(): AnalyticsEvent[] {
  const events: AnalyticsEvent[] = [];
  for (let i = 0; i < 144; i++) {
    const caller = CALLERS[i % CALLERS.length] as Caller;
    const serverGroupId = i % 3 === 0 ? 'us' : 'eu';
    const anonymous = caller.clientId === null;
    const unroutable = anonymous && i % 2 === 0;
    const projectId = unroutable ? null : caller.productId === 'silver' ? 'billing' : 'shop';
    const resourceId =
      projectId === null ? null : projectId === 'billing' ? 'billing.invoices' : i % 2 === 0 ? 'shop.orders' : 'shop.items';
    const status = unroutable ? 404 : anonymous ? 401 : (STATUSES[i % STATUSES.length] as number);
    const gatewayAnswered = anonymous || status === 429;
    const latencyMs = 3 + ((i * 37) % 211) + (i % 4) * 0.25;
    events.push({
      receivedAt: H + (HOURS[i % HOURS.length] as number) * HOUR + ((i * 7) % 30) * MINUTE + (i % 60) * 1000,
      requestId: `req-${i}`,
      serverGroupId,
      nodeId: `${serverGroupId}-1`,
      projectId,
      projectVersion: projectId === null ? null : '1',
      resourceId,
      ...caller,
      method: i % 4 === 0 ? 'POST' : 'GET',
      status,
      errorCode: unroutable ? 'NOT_FOUND' : anonymous ? 'API_KEY_MISSING' : status === 429 ? 'RATE_LIMITED' : null,
      latencyMs,
      backendLatencyMs: gatewayAnswered ? null : latencyMs - 2,
      bytesIn: (i % 5) * 100,
      bytesOut: 500 + i * 3,
    });
  }
  return events;
}

const EVENTS = makeEvents();

/** Writes the events and their rollups as the gateway nodes would: one rollup builder per node. */
async function seed(events: AnalyticsEvent[] = EVENTS): Promise<void> {
  const builders = new Map<string, RollupBuilder>();
  for (const event of events) {
    let builder = builders.get(event.nodeId);
    if (builder === undefined) {
      builder = new RollupBuilder(`w-${event.nodeId}`);
      builders.set(event.nodeId, builder);
    }
    builder.add(event);
  }
  const rollups = [...builders.values()].flatMap((builder) => builder.flush().rows);
  await api.test.store.analytics.write({ events, rollups });
}

type Params = Record<string, string | number>;

function get(path: 'summary' | 'timeseries' | 'top', params: Params = {}) {
  const query = new URLSearchParams(Object.entries(params).map(([key, value]): [string, string] => [key, String(value)])).toString();
  return api.call('GET', `/api/v1/analytics/${path}${query === '' ? '' : `?${query}`}`);
}

/** GETs and expects 200: the JSON body. */
async function ok(path: 'summary' | 'timeseries' | 'top', params: Params = {}) {
  const res = await get(path, params);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

const QUANTILES = { p50: 0.5, p95: 0.95, p99: 0.99 } as const;

/** Percentiles within 1 % of the value at rank floor(q·(n−1)) (plus the microsecond rounding); the exact average. */
function expectLatency(stats: AnalyticsFigures['latency'], values: number[]): void {
  const sorted = [...values].sort((a, b) => a - b);
  expect(stats.avg).toBe(sorted.length === 0 ? 0 : round(sorted.reduce((sum, v) => sum + v, 0) / sorted.length, 3));
  for (const [name, q] of Object.entries(QUANTILES) as [keyof typeof QUANTILES, number][]) {
    const exact = sorted.length === 0 ? 0 : (sorted[Math.floor(q * (sorted.length - 1))] as number);
    expect(Math.abs(stats[name] - exact), `${name}: ${stats[name]} vs ${exact}`).toBeLessThanOrEqual(exact * 0.01 + 0.0011);
  }
}

/** The figures of `actual` are those of `calls`, counted exactly. */
function expectFigures(actual: AnalyticsFigures, calls: AnalyticsEvent[]): void {
  const errors4xx = calls.filter((e) => e.status >= 400 && e.status < 500).length;
  const errors5xx = calls.filter((e) => e.status >= 500).length;
  expect(actual).toMatchObject({
    hits: calls.length,
    errors4xx,
    errors5xx,
    errorRate: calls.length === 0 ? 0 : round((errors4xx + errors5xx) / calls.length, 6),
    bytesIn: calls.reduce((sum, e) => sum + e.bytesIn, 0),
    bytesOut: calls.reduce((sum, e) => sum + e.bytesOut, 0),
  });
  expectLatency(
    actual.latency,
    calls.map((e) => e.latencyMs),
  );
  expectLatency(
    actual.backendLatency,
    calls.flatMap((e) => (e.backendLatencyMs === null ? [] : [e.backendLatencyMs])),
  );
}

const ZERO_LATENCY = { avg: 0, p50: 0, p95: 0, p99: 0 };
const ZERO: AnalyticsFigures = {
  hits: 0,
  errors4xx: 0,
  errors5xx: 0,
  errorRate: 0,
  latency: ZERO_LATENCY,
  backendLatency: ZERO_LATENCY,
  bytesIn: 0,
  bytesOut: 0,
};

const between = (from: number, to: number) => EVENTS.filter((e) => e.receivedAt >= from && e.receivedAt < to);

/** The default window (last24h at 10:30, by hour): 2026-03-10 10:00 to 2026-03-11 11:00. */
const LAST_24H = { from: iso(H - DAY), to: iso(H + HOUR), interval: 'hour' };

/** `[label, query filters, the calls they select]` per filter rollups answer. */
const ONE_FILTER: Array<[string, Params, (e: AnalyticsEvent) => boolean]> = [
  ['productId', { productId: 'gold' }, (e) => e.productId === 'gold'],
  ['clientId', { clientId: 'acme' }, (e) => e.clientId === 'acme'],
  ['subscriptionId', { subscriptionId: 'globex-silver' }, (e) => e.subscriptionId === 'globex-silver'],
  ['organizationId', { organizationId: 'org-a' }, (e) => e.organizationId === 'org-a'],
  ['projectId', { projectId: 'billing' }, (e) => e.projectId === 'billing'],
  ['resourceId', { resourceId: 'shop.items' }, (e) => e.resourceId === 'shop.items'],
  ['status class 4xx', { status: '4xx' }, (e) => e.status >= 400 && e.status < 500],
  ['status class 5xx', { status: '5xx' }, (e) => e.status >= 500],
  ['exact status 404', { status: '404' }, (e) => e.status === 404],
  ['serverGroupId', { serverGroupId: 'us' }, (e) => e.serverGroupId === 'us'],
  ['serverGroupId + productId', { serverGroupId: 'us', productId: 'silver' }, (e) => e.serverGroupId === 'us' && e.productId === 'silver'],
  ['serverGroupId + clientId', { serverGroupId: 'eu', clientId: 'acme' }, (e) => e.serverGroupId === 'eu' && e.clientId === 'acme'],
  ['serverGroupId + status', { serverGroupId: 'eu', status: '2xx' }, (e) => e.serverGroupId === 'eu' && e.status < 300],
];

describe('GET /api/v1/analytics/summary', () => {
  it('answers the totals of every call of the default window (last24h, by hour) from the rollups', async () => {
    await seed();

    const body = await ok('summary');

    expect(body).toEqual({ ...LAST_24H, source: 'rollups', totals: expect.any(Object) });
    expect(body.totals.hits).toBe(144);
    expectFigures(body.totals, EVENTS);
  });

  it.each(ONE_FILTER)('answers the totals of the calls of one filter from the rollups: %s', async (_label, params, selects) => {
    await seed();
    const calls = EVENTS.filter(selects);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.length).toBeLessThan(EVENTS.length);

    const body = await ok('summary', params);

    expect(body).toMatchObject({ ...LAST_24H, source: 'rollups' });
    expectFigures(body.totals, calls);
  });

  it('counts each call once when a node rewrites its rows, and adds the rows of several writers', async () => {
    const first = EVENTS.slice(0, 50);
    const second = EVENTS.slice(50, 100);
    const third = EVENTS.slice(100);
    // One node flushes twice: its second rows (running totals) replace its first ones.
    const node = new RollupBuilder('w1');
    for (const event of first) node.add(event);
    await api.test.store.analytics.write({ events: first, rollups: node.flush().rows });
    for (const event of second) node.add(event);
    await api.test.store.analytics.write({ events: second, rollups: node.flush().rows });
    // Another writer (a restarted node) counts the rest into the same buckets.
    const restarted = new RollupBuilder('w2');
    for (const event of third) restarted.add(event);
    await api.test.store.analytics.write({ events: third, rollups: restarted.flush().rows });

    const body = await ok('summary');

    expect(body.source).toBe('rollups');
    expectFigures(body.totals, EVENTS);
    expect((await ok('summary', { productId: 'gold', clientId: 'acme' })).totals).toEqual(
      (await ok('summary', { subscriptionId: 'acme-gold' })).totals,
    );
  });

  it('answers all zeros for a window without calls', async () => {
    await seed();

    const body = await ok('summary', { from: iso(H - 4 * HOUR), to: iso(H - 3 * HOUR) });

    expect(body).toEqual({ from: iso(H - 4 * HOUR), to: iso(H - 3 * HOUR), interval: 'minute', source: 'rollups', totals: ZERO });
  });

  it('answers a filter combination rollups do not hold (productId + clientId) from the raw events', async () => {
    await seed();
    const calls = EVENTS.filter((e) => e.productId === 'silver' && e.clientId === 'acme');
    expect(calls.length).toBeGreaterThan(0);

    const body = await ok('summary', { productId: 'silver', clientId: 'acme' });

    expect(body).toMatchObject({ ...LAST_24H, source: 'events' });
    expectFigures(body.totals, calls);
    // The subscription acme-silver is exactly those calls, and the rollups hold it: same figures.
    const rollups = await ok('summary', { subscriptionId: 'acme-silver' });
    expect(rollups.source).toBe('rollups');
    expect(rollups.totals).toEqual(body.totals);
  });

  it('answers a status filter combined with a caller filter from the raw events', async () => {
    await seed();
    const calls = EVENTS.filter((e) => e.clientId === 'acme' && e.status >= 500);
    expect(calls.length).toBeGreaterThan(0);

    const body = await ok('summary', { clientId: 'acme', status: '5xx' });

    expect(body.source).toBe('events');
    expectFigures(body.totals, calls);
  });

  it('reads the raw events for interval=minute with clientId (clients are kept by hour only), with the figures of the hour rollups', async () => {
    await seed();
    const window = { from: iso(H - 5 * HOUR), to: iso(H + HOUR) };

    const byMinute = await ok('summary', { ...window, interval: 'minute', clientId: 'globex' });
    const byHour = await ok('summary', { ...window, interval: 'hour', clientId: 'globex' });

    expect(byMinute).toMatchObject({ ...window, interval: 'minute', source: 'events' });
    expect(byHour).toMatchObject({ ...window, interval: 'hour', source: 'rollups' });
    expectFigures(
      byMinute.totals,
      EVENTS.filter((e) => e.clientId === 'globex'),
    );
    expect(byMinute.totals).toEqual(byHour.totals);
  });

  it('reads the minute rollups for interval=minute with productId', async () => {
    await seed();

    const body = await ok('summary', { from: iso(H - 3 * HOUR), to: iso(H - 2 * HOUR), interval: 'minute', productId: 'gold' });

    expect(body.source).toBe('rollups');
    expectFigures(
      body.totals,
      between(H - 3 * HOUR, H - 2 * HOUR).filter((e) => e.productId === 'gold'),
    );
  });

  it('ends a period at `to`', async () => {
    await seed();

    const body = await ok('summary', { period: 'last1h', to: iso(H - 2 * HOUR) });

    expect(body).toMatchObject({ from: iso(H - 3 * HOUR), to: iso(H - 2 * HOUR), interval: 'minute', source: 'rollups' });
    expectFigures(body.totals, between(H - 3 * HOUR, H - 2 * HOUR));
  });

  it('picks the interval by the window length and rounds the window out to whole buckets', async () => {
    expect(await ok('summary', { period: 'last5m' })).toMatchObject({ from: iso(NOW - 5 * MINUTE), to: iso(NOW), interval: 'minute' });
    expect(await ok('summary', { period: 'last1h' })).toMatchObject({ from: iso(NOW - HOUR), to: iso(NOW), interval: 'minute' });
    expect(await ok('summary', { period: 'last7d' })).toMatchObject({ from: iso(H - 7 * DAY), to: iso(H + HOUR), interval: 'hour' });
    expect(await ok('summary', { period: 'last30d' })).toMatchObject({
      from: '2026-02-09T00:00:00.000Z',
      to: '2026-03-12T00:00:00.000Z',
      interval: 'day',
    });
    expect(await ok('summary', { from: iso(H - 5 * HOUR + 20 * MINUTE), to: iso(H - 2 * HOUR - 50 * MINUTE) })).toMatchObject({
      from: iso(H - 5 * HOUR),
      to: iso(H - 2 * HOUR),
      interval: 'hour',
    });
  });
});

describe('GET /api/v1/analytics/timeseries', () => {
  it('answers every bucket of the window, zeros where there were no calls', async () => {
    await seed();

    const body = await ok('timeseries', { from: iso(H - 5 * HOUR), to: iso(H - 2 * HOUR), interval: 'hour' });

    expect(body).toMatchObject({ from: iso(H - 5 * HOUR), to: iso(H - 2 * HOUR), interval: 'hour', source: 'rollups' });
    expect(body.buckets.map((b: { start: string }) => b.start)).toEqual([iso(H - 5 * HOUR), iso(H - 4 * HOUR), iso(H - 3 * HOUR)]);
    expect(body.buckets[0].hits).toBeGreaterThan(0);
    expectFigures(body.buckets[0], between(H - 5 * HOUR, H - 4 * HOUR));
    expect(body.buckets[1]).toEqual({ start: iso(H - 4 * HOUR), ...ZERO });
    expect(body.buckets[2].hits).toBeGreaterThan(0);
    expectFigures(body.buckets[2], between(H - 3 * HOUR, H - 2 * HOUR));
  });

  it('answers the same buckets from the raw events for a combination rollups do not hold', async () => {
    await seed();
    const selects = (e: AnalyticsEvent) => e.productId === 'gold' && e.clientId === 'acme';

    const body = await ok('timeseries', { from: iso(H - 5 * HOUR), to: iso(H - 2 * HOUR), productId: 'gold', clientId: 'acme' });

    expect(body).toMatchObject({ interval: 'hour', source: 'events' });
    expect(body.buckets).toHaveLength(3);
    expectFigures(body.buckets[0], between(H - 5 * HOUR, H - 4 * HOUR).filter(selects));
    expect(body.buckets[1]).toEqual({ start: iso(H - 4 * HOUR), ...ZERO });
    expectFigures(body.buckets[2], between(H - 3 * HOUR, H - 2 * HOUR).filter(selects));
    // The same calls from the rollups (subscription acme-gold): the same buckets.
    const rollups = await ok('timeseries', { from: iso(H - 5 * HOUR), to: iso(H - 2 * HOUR), subscriptionId: 'acme-gold' });
    expect(rollups.source).toBe('rollups');
    expect(rollups.buckets).toEqual(body.buckets);
  });

  it('answers 60 minute buckets for last1h by default', async () => {
    await seed();

    const body = await ok('timeseries', { period: 'last1h' });

    expect(body).toMatchObject({ from: iso(NOW - HOUR), to: iso(NOW), interval: 'minute', source: 'rollups' });
    expect(body.buckets).toHaveLength(60);
    body.buckets.forEach((bucket: AnalyticsFigures & { start: string }, index: number) => {
      const start = NOW - HOUR + index * MINUTE;
      expect(bucket.start).toBe(iso(start));
      expect(bucket.hits).toBe(between(start, start + MINUTE).length);
    });
    const total = body.buckets.reduce((sum: number, bucket: AnalyticsFigures) => sum + bucket.hits, 0);
    expect(total).toBe(between(NOW - HOUR, NOW).length);
    expect(total).toBeGreaterThan(0);
  });

  it('starts week buckets on Monday 00:00 UTC (the default interval beyond 92 days)', async () => {
    await seed();

    const body = await ok('timeseries', { from: iso(NOW - 100 * DAY) });

    expect(body).toMatchObject({ interval: 'week', source: 'rollups', to: '2026-03-16T00:00:00.000Z' });
    const starts: number[] = body.buckets.map((bucket: { start: string }) => Date.parse(bucket.start));
    expect(starts[0]).toBe(Date.parse(body.from));
    expect(starts[0]).toBeLessThanOrEqual(NOW - 100 * DAY);
    expect(NOW - 100 * DAY - (starts[0] as number)).toBeLessThan(7 * DAY);
    for (const [index, start] of starts.entries()) {
      expect(new Date(start).getUTCDay(), iso(start)).toBe(1);
      expect(start % DAY).toBe(0);
      if (index > 0) expect(start - (starts[index - 1] as number)).toBe(7 * DAY);
    }
    // Every call is in the last week: Monday 2026-03-09.
    expect(body.buckets.at(-1)).toMatchObject({ start: '2026-03-09T00:00:00.000Z', hits: 144 });
    expectFigures(body.buckets.at(-1), EVENTS);
    expect(body.buckets.slice(0, -1).every((bucket: AnalyticsFigures) => bucket.hits === 0)).toBe(true);
  });

  it('buckets by day with interval=day', async () => {
    await seed();

    const body = await ok('timeseries', { period: 'last7d', interval: 'day' });

    expect(body).toMatchObject({ from: '2026-03-04T00:00:00.000Z', to: '2026-03-12T00:00:00.000Z', interval: 'day' });
    expect(body.buckets).toHaveLength(8);
    expect(body.buckets.at(-1)).toMatchObject({ start: '2026-03-11T00:00:00.000Z', hits: 144 });
  });
});

describe('GET /api/v1/analytics/top', () => {
  /** The expected items: values by hits, most first, ties by value. */
  function ranking(dimensionOf: (e: AnalyticsEvent) => string | null, calls = EVENTS) {
    const counts = new Map<string | null, number>();
    for (const call of calls) counts.set(dimensionOf(call), (counts.get(dimensionOf(call)) ?? 0) + 1);
    return [...counts.entries()]
      .map(([value, hits]) => ({ value, hits }))
      .sort((a, b) => {
        // Ties by value in code-point order, a call without one ranking as the empty value.
        const [x, y] = [a.value ?? '', b.value ?? ''];
        return b.hits - a.hits || (x < y ? -1 : x > y ? 1 : 0);
      });
  }

  const itemsOf = (body: { items: Array<{ value: string | null; hits: number }> }) =>
    body.items.map(({ value, hits }) => ({ value, hits }));

  it('ranks clients by hits, null for calls without a key, with their figures', async () => {
    await seed();

    const body = await ok('top', { by: 'client' });

    expect(body).toMatchObject({ ...LAST_24H, source: 'rollups', by: 'client' });
    expect(itemsOf(body)).toEqual([
      { value: 'acme', hits: 84 },
      { value: 'globex', hits: 36 },
      { value: null, hits: 24 },
    ]);
    expectFigures(
      body.items[0],
      EVENTS.filter((e) => e.clientId === 'acme'),
    );
    expectFigures(
      body.items[2],
      EVENTS.filter((e) => e.clientId === null),
    );
  });

  it('answers at most `limit` items, the most called first', async () => {
    await seed();

    const body = await ok('top', { by: 'client', limit: 2 });

    expect(itemsOf(body)).toEqual([
      { value: 'acme', hits: 84 },
      { value: 'globex', hits: 36 },
    ]);
    const one = await ok('top', { by: 'status', limit: 1 });
    expect(itemsOf(one)).toEqual([ranking((e) => String(e.status))[0]]);
  });

  it('answers 10 items by default', async () => {
    await seed();
    const all = ranking((e) => String(e.status));
    expect(all.length).toBeGreaterThan(10);

    const body = await ok('top', { by: 'status' });

    expect(itemsOf(body)).toEqual(all.slice(0, 10));
  });

  it('ranks statuses by hits, ties by value', async () => {
    await seed();

    const body = await ok('top', { by: 'status', limit: 100 });

    expect(body.source).toBe('rollups');
    expect(itemsOf(body)).toEqual(ranking((e) => String(e.status)));
    const hits = body.items.map((item: { hits: number }) => item.hits);
    expect(hits).toEqual([...hits].sort((a, b) => b - a));
    for (const item of body.items) {
      expectFigures(
        item,
        EVENTS.filter((e) => String(e.status) === item.value),
      );
    }
  });

  it('ranks statuses of one class when filtered by it', async () => {
    await seed();

    const body = await ok('top', { by: 'status', status: '4xx' });

    expect(body.source).toBe('rollups');
    expect(itemsOf(body)).toEqual(ranking((e) => String(e.status)).filter((item) => item.value?.startsWith('4')));
  });

  it('ranks server groups, also within a filter', async () => {
    await seed();

    const body = await ok('top', { by: 'serverGroup' });

    expect(body).toMatchObject({ source: 'rollups', by: 'serverGroup' });
    expect(itemsOf(body)).toEqual([
      { value: 'eu', hits: 96 },
      { value: 'us', hits: 48 },
    ]);
    expectFigures(
      body.items[1],
      EVENTS.filter((e) => e.serverGroupId === 'us'),
    );
    const gold = await ok('top', { by: 'serverGroup', productId: 'gold' });
    expect(gold.source).toBe('rollups');
    expect(itemsOf(gold)).toEqual(
      ranking(
        (e) => e.serverGroupId,
        EVENTS.filter((e) => e.productId === 'gold'),
      ),
    );
  });

  it.each<[string, (e: AnalyticsEvent) => string | null]>([
    ['project', (e) => e.projectId],
    ['resource', (e) => e.resourceId],
    ['product', (e) => e.productId],
    ['client', (e) => e.clientId],
    ['subscription', (e) => e.subscriptionId],
    ['organization', (e) => e.organizationId],
    ['status', (e) => String(e.status)],
    ['node', (e) => e.nodeId],
    ['serverGroup', (e) => e.serverGroupId],
  ])("ranks by=%s from the rollups, with each value's figures", async (by, dimensionOf) => {
    await seed();

    const body = await ok('top', { by, limit: 100 });

    expect(body).toMatchObject({ ...LAST_24H, source: 'rollups', by });
    expect(itemsOf(body)).toEqual(ranking(dimensionOf));
    for (const item of body.items) {
      expectFigures(
        item,
        EVENTS.filter((e) => dimensionOf(e) === item.value),
      );
    }
  });

  it('ranks within a server group', async () => {
    await seed();

    const body = await ok('top', { by: 'client', serverGroupId: 'us' });

    expect(body.source).toBe('rollups');
    expect(itemsOf(body)).toEqual(
      ranking(
        (e) => e.clientId,
        EVENTS.filter((e) => e.serverGroupId === 'us'),
      ),
    );
  });

  it('answers null for calls no project matched', async () => {
    await seed();

    const body = await ok('top', { by: 'project' });

    expect(itemsOf(body)).toEqual(ranking((e) => e.projectId));
    expect(body.items.find((item: { value: string | null }) => item.value === null)?.hits).toBe(12);
  });

  it('ranks from the raw events when the breakdown and a filter are on different dimensions, as the rollups would', async () => {
    await seed();

    const body = await ok('top', { by: 'client', productId: 'silver' });

    expect(body.source).toBe('events');
    expect(itemsOf(body)).toEqual([
      { value: 'globex', hits: 36 },
      { value: 'acme', hits: 24 },
    ]);
    expectFigures(
      body.items[1],
      EVENTS.filter((e) => e.productId === 'silver' && e.clientId === 'acme'),
    );

    const window = { from: iso(H - 5 * HOUR), to: iso(H + HOUR) };
    const byMinute = await ok('top', { ...window, by: 'client', interval: 'minute' });
    const byHour = await ok('top', { ...window, by: 'client', interval: 'hour' });
    expect(byMinute.source).toBe('events');
    expect(byHour.source).toBe('rollups');
    expect(byMinute.items).toEqual(byHour.items);
  });
});

describe('format=csv', () => {
  const lines = (body: string) => body.trimEnd().split(/\r?\n/);
  const FIGURE_COLUMNS =
    'hits,errors4xx,errors5xx,errorRate,latencyAvg,latencyP50,latencyP95,latencyP99,backendLatencyAvg,backendLatencyP50,backendLatencyP95,backendLatencyP99,bytesIn,bytesOut';
  const cells = (f: AnalyticsFigures) =>
    [
      f.hits,
      f.errors4xx,
      f.errors5xx,
      f.errorRate,
      f.latency.avg,
      f.latency.p50,
      f.latency.p95,
      f.latency.p99,
      f.backendLatency.avg,
      f.backendLatency.p50,
      f.backendLatency.p95,
      f.backendLatency.p99,
      f.bytesIn,
      f.bytesOut,
    ].join(',');

  function expectCsv(res: Awaited<ReturnType<typeof get>>, filename: string): string[] {
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${filename}"`);
    return lines(res.body);
  }

  it('answers the summary as a header row and one row', async () => {
    await seed();
    const json = await ok('summary');

    const rows = expectCsv(await get('summary', { format: 'csv' }), 'analytics-summary.csv');

    expect(rows).toEqual([`from,to,${FIGURE_COLUMNS}`, `${json.from},${json.to},${cells(json.totals)}`]);
  });

  it('answers the time series as a header row and one row per bucket', async () => {
    await seed();
    const params = { from: iso(H - 5 * HOUR), to: iso(H - 2 * HOUR) };
    const json = await ok('timeseries', params);

    const rows = expectCsv(await get('timeseries', { ...params, format: 'csv' }), 'analytics-timeseries.csv');

    expect(rows).toHaveLength(4);
    expect(rows).toEqual([
      `start,${FIGURE_COLUMNS}`,
      ...json.buckets.map((bucket: AnalyticsFigures & { start: string }) => `${bucket.start},${cells(bucket)}`),
    ]);
    expect(rows[2]).toBe(`${iso(H - 4 * HOUR)},${cells(ZERO)}`);
  });

  it('answers the top list as a header row named after `by` and one row per item, empty for null', async () => {
    await seed();
    const json = await ok('top', { by: 'client' });

    const rows = expectCsv(await get('top', { by: 'client', format: 'csv' }), 'analytics-top-client.csv');

    expect(rows).toEqual([
      `client,${FIGURE_COLUMNS}`,
      ...json.items.map((item: AnalyticsFigures & { value: string | null }) => `${item.value ?? ''},${cells(item)}`),
    ]);
    expect(rows).toHaveLength(4);
    expect(rows[3]?.startsWith(',24,')).toBe(true);
  });
});

describe('refusals', () => {
  it('answers 400 naming interval for more than 1500 buckets', async () => {
    expectProblem(await get('summary', { period: 'last7d', interval: 'minute' }), 'VALIDATION_FAILED', ['interval']);
    // Asked as CSV, a refusal is still problem+json.
    expectProblem(await get('summary', { period: 'last7d', interval: 'minute', format: 'csv' }), 'VALIDATION_FAILED', ['interval']);
    expectProblem(await get('timeseries', { from: iso(NOW - 100 * DAY), interval: 'hour' }), 'VALIDATION_FAILED', ['interval']);
    expectProblem(await get('top', { by: 'client', period: 'last30d', interval: 'minute' }), 'VALIDATION_FAILED', ['interval']);
    expectProblem(await get('timeseries', { from: iso(H - 1501 * HOUR), to: iso(H), interval: 'hour' }), 'VALIDATION_FAILED', ['interval']);
    // 1500 hours, and 1440 minutes, are within the bound.
    expect((await ok('timeseries', { from: iso(H - 1500 * HOUR), to: iso(H), interval: 'hour' })).buckets).toHaveLength(1500);
    expect((await ok('timeseries', { period: 'last24h', interval: 'minute' })).buckets).toHaveLength(1440);
  });

  it('answers 400 naming from for a window starting before the raw events are kept (7 days)', async () => {
    const combination = { productId: 'gold', clientId: 'acme' };
    const res = await get('summary', { ...combination, from: iso(NOW - 8 * DAY), to: iso(NOW - 8 * DAY + HOUR) });
    expectProblem(res, 'VALIDATION_FAILED', ['from']);
    const justBefore = { by: 'client', productId: 'gold', from: iso(NOW - 7 * DAY - MINUTE), to: iso(NOW - 7 * DAY + HOUR) };
    expectProblem(await get('top', justBefore), 'VALIDATION_FAILED', ['from']);
    // The requested start counts, not the bucket it is rounded to: last7d (from 10:30, bucket 10:00) is within.
    expect(await ok('top', { by: 'client', productId: 'gold', period: 'last7d' })).toMatchObject({
      from: iso(H - 7 * DAY),
      source: 'events',
    });
    // Within the retention, and the same window from the hour rollups: answered.
    expect((await ok('summary', { ...combination, from: iso(H - 6 * DAY) })).source).toBe('events');
    expect((await ok('summary', { clientId: 'acme', from: iso(NOW - 8 * DAY) })).source).toBe('rollups');
  });

  it('answers 400 naming from for a window starting before the minute rollups are kept (30 days)', async () => {
    const res = await get('timeseries', { interval: 'minute', from: iso(NOW - 31 * DAY), to: iso(NOW - 31 * DAY + HOUR) });
    expectProblem(res, 'VALIDATION_FAILED', ['from']);
    expect((await ok('timeseries', { interval: 'minute', from: iso(NOW - 29 * DAY), to: iso(NOW - 29 * DAY + HOUR) })).source).toBe(
      'rollups',
    );
  });

  it('answers 400 naming from for a window starting before the hour rollups are kept (400 days)', async () => {
    expectProblem(await get('summary', { from: iso(NOW - 401 * DAY), to: iso(NOW - 400 * DAY) }), 'VALIDATION_FAILED', ['from']);
    expect((await ok('summary', { from: iso(NOW - 399 * DAY), to: iso(NOW - 398 * DAY) })).interval).toBe('hour');
  });

  it('answers 400 naming from when from is not before to', async () => {
    expectProblem(await get('summary', { from: iso(H), to: iso(H) }), 'VALIDATION_FAILED', ['from']);
    expectProblem(await get('timeseries', { from: iso(H), to: iso(H - HOUR) }), 'VALIDATION_FAILED', ['from']);
  });

  it.each<[string, Params, string]>([
    ['period', { period: 'last2d' }, 'query.period'],
    ['interval', { interval: 'month' }, 'query.interval'],
    ['from', { from: 'yesterday' }, 'query.from'],
    ['to', { to: '2026-03-11' }, 'query.to'],
    ['status', { status: '600' }, 'query.status'],
    ['status class', { status: '4XX' }, 'query.status'],
    ['format', { format: 'xml' }, 'query.format'],
    ['projectId', { projectId: 'Not A Slug' }, 'query.projectId'],
    ['an unknown parameter', { group: 'eu' }, 'query.group'],
  ])('answers 400 naming %s when it is not valid', async (_label, params, field) => {
    expectProblem(await get('summary', params), 'VALIDATION_FAILED', [field]);
    expectProblem(await get('timeseries', params), 'VALIDATION_FAILED', [field]);
    expectProblem(await get('top', { by: 'client', ...params }), 'VALIDATION_FAILED', [field]);
  });

  it('answers 400 naming by when /top has none or an unknown one, and limit outside 1–100', async () => {
    expectProblem(await get('top'), 'VALIDATION_FAILED', ['query.by']);
    expectProblem(await get('top', { by: 'color' }), 'VALIDATION_FAILED', ['query.by']);
    expectProblem(await get('top', { by: 'client', limit: 0 }), 'VALIDATION_FAILED', ['query.limit']);
    expectProblem(await get('top', { by: 'client', limit: 101 }), 'VALIDATION_FAILED', ['query.limit']);
    expectProblem(await get('top', { by: 'client', limit: 'ten' }), 'VALIDATION_FAILED', ['query.limit']);
    // by and limit belong to /top only.
    expectProblem(await get('summary', { by: 'client' }), 'VALIDATION_FAILED', ['query.by']);
  });

  describe('summary', () => {
    itRequiresTheAdminToken(() => api, { method: 'GET', url: '/api/v1/analytics/summary' });
  });
  describe('timeseries', () => {
    itRequiresTheAdminToken(() => api, { method: 'GET', url: '/api/v1/analytics/timeseries?period=last1h' });
  });
  describe('top', () => {
    itRequiresTheAdminToken(() => api, { method: 'GET', url: '/api/v1/analytics/top?by=client' });
  });
});
