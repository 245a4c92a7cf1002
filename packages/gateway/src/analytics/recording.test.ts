import type { AnalyticsBatch, AnalyticsEvent } from '@tollgate/domain';
import { describe, expect, it } from 'vitest';
import { ECHO, makeGatewayKey, makePolicy, usePolicyGateway } from '../testing/index.js';

/** Events as a node writes them: a collecting sink behind a real node and a real upstream. */
describe('gateway: one analytics event per call', () => {
  const e2e = usePolicyGateway();
  const events: AnalyticsEvent[] = [];
  const analytics = { write: async (batch: AnalyticsBatch) => void events.push(...batch.events) };
  const KEY = 'tg_k_analytics';

  async function start() {
    events.length = 0;
    await e2e.start([makePolicy({ id: 'k', type: 'verify-api-key' })], {
      keys: [makeGatewayKey(KEY)],
      gateway: { analytics, recorder: { flushIntervalMs: 60_000 } },
    });
  }
  const recorded = async () => {
    await e2e.gateway.node.flushAnalytics();
    return events;
  };

  it('records an admitted call with its caller, project, timings and bytes', async () => {
    await start();
    const res = await fetch(`${e2e.gateway.url}/pets/1`, { method: 'POST', headers: { 'x-api-key': KEY }, body: 'hello' });
    await res.text();

    const [event] = await recorded();
    expect(event).toMatchObject({
      requestId: res.headers.get('x-request-id'),
      projectId: 'pets',
      productId: 'test-product',
      clientId: 'test-client',
      subscriptionId: 'test-subscription',
      method: 'POST',
      status: 200,
      errorCode: null,
      bytesIn: 5,
      bytesOut: Number(res.headers.get('content-length')),
    });
    expect(event?.nodeId).toMatch(/:\d+$/);
    expect(event?.backendLatencyMs).toBeGreaterThanOrEqual(0);
    expect(event?.latencyMs).toBeGreaterThanOrEqual(event?.backendLatencyMs ?? 0);
  });

  it('records rejections and routing failures with their code and no backend time', async () => {
    await start();
    await (await fetch(`${e2e.gateway.url}/pets/1`)).text();
    await (await fetch(`${e2e.gateway.url}/nowhere`)).text();

    const [missing, unrouted] = await recorded();
    expect(missing).toMatchObject({ projectId: 'pets', clientId: null, status: 401, errorCode: 'API_KEY_MISSING', backendLatencyMs: null });
    expect(unrouted).toMatchObject({ projectId: null, status: 404, errorCode: 'ROUTE_NOT_FOUND' });
  });

  it('records the backend status of an error answer without a gateway code, and counts streamed bytes', async () => {
    await start();
    const res = await fetch(`${e2e.gateway.url}/pets/1`, {
      headers: { 'x-api-key': KEY, [ECHO.status]: '503', [ECHO.streamBytes]: '70000' },
    });
    const body = await res.arrayBuffer();

    const [event] = await recorded();
    expect(event).toMatchObject({ status: 503, errorCode: null, bytesOut: body.byteLength });
    expect(body.byteLength).toBe(70_000);
  });

  it('writes the buffered events when the node stops cleanly', async () => {
    await start();
    await (await fetch(`${e2e.gateway.url}/pets/1`, { headers: { 'x-api-key': KEY } })).text();
    expect(events).toHaveLength(0);

    await e2e.gateway.close();

    expect(events).toHaveLength(1);
  });
});
