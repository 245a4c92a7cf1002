import { describe, expect, it } from 'vitest';
import { isLoopback } from '../http/loopback.js';
import { makeGatewayKey, makePolicy, parseMetrics, usePolicyGateway } from '../testing/index.js';

describe('gateway: /metrics', () => {
  const e2e = usePolicyGateway();
  const KEY = 'tg_k_metrics';

  it('counts calls by project, product and status class, rejections by code, and reports the snapshot version', async () => {
    await e2e.start([makePolicy({ id: 'k', type: 'verify-api-key' })], { keys: [makeGatewayKey(KEY)] });
    const url = e2e.gateway.url;
    for (let i = 0; i < 2; i++) await (await fetch(`${url}/pets/1`, { headers: { 'x-api-key': KEY } })).text();
    await (await fetch(`${url}/pets/1`)).text();
    await (await fetch(`${url}/nowhere`)).text();

    const res = await fetch(`${url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const value = parseMetrics(await res.text());
    const group = 'test-group';

    expect(
      value('tollgate_gateway_requests_total', { server_group: group, project: 'pets', product: 'test-product', status_class: '2xx' }),
    ).toBe(2);
    expect(value('tollgate_gateway_requests_total', { project: 'pets', product: 'none', status_class: '4xx' })).toBe(1);
    expect(value('tollgate_gateway_requests_total', { project: 'none', status_class: '4xx' })).toBe(1);
    expect(value('tollgate_gateway_rejections_total', { code: 'API_KEY_MISSING' })).toBe(1);
    expect(value('tollgate_gateway_rejections_total', { code: 'ROUTE_NOT_FOUND' })).toBe(1);
    expect(value('tollgate_gateway_request_duration_seconds', { project: 'pets' })).toBe(3);
    expect(value('tollgate_gateway_backend_duration_seconds', { project: 'pets' })).toBe(2);
    expect(value('tollgate_gateway_snapshot_version', { server_group: group })).toBe(e2e.gateway.store.version);
    expect(value('tollgate_gateway_analytics_events_dropped_total')).toBe(0);
    // A scrape is not a call: scraping again changes no request count.
    const again = parseMetrics(await (await fetch(`${url}/metrics`)).text());
    expect(again('tollgate_gateway_requests_total', { project: 'none', status_class: '2xx' })).toBeUndefined();
  });

  it('treats only this host as loopback', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) expect(isLoopback(address), address).toBe(true);
    for (const address of ['10.0.0.1', '::ffff:10.0.0.1', '2001:db8::1', '', undefined])
      expect(isLoopback(address), String(address)).toBe(false);
  });
});
