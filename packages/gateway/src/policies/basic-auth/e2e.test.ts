import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../snapshot/snapshot.js';
import {
  type EchoUpstream,
  makeGatewayConfig,
  makeGatewayKey,
  makeGatewayProduct,
  makePolicy,
  makeProject,
  startEchoUpstream,
  startTestGateway,
  type TestGateway,
} from '../../testing/index.js';

const KEY = 'tg_k_basic-e2e';
const SECRET = 'tg_s_basic-e2e';

/** basic-auth through a real node: the store's secret digest, the forwarded request. */
describe('policy: basic-auth end to end', () => {
  let upstream: EchoUpstream;
  let gateway: TestGateway;
  beforeEach(async () => {
    upstream = await startEchoUpstream();
    const project = makeProject({
      id: 'pets',
      contextPath: '/pets',
      target: { url: upstream.url, timeoutMs: 5_000 },
      policies: [makePolicy({ id: 'basic', type: 'basic-auth' })],
    });
    gateway = await startTestGateway(
      makeGatewayConfig({
        projects: [project],
        products: [makeGatewayProduct({ id: 'test-product', projectIds: ['pets'] })],
        keys: [makeGatewayKey(KEY)],
      }),
    );
    gateway.store.secretDigests.set(sha256Hex(KEY), sha256Hex(SECRET));
  });
  afterEach(async () => {
    await gateway.close();
    await upstream.close();
  });

  const call = (user: string, password: string) =>
    fetch(`${gateway.url}/pets/1`, { headers: { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` } });

  it('forwards a call with the right key and secret without the credentials, the caller identified', async () => {
    const res = await call(KEY, SECRET);

    expect(res.status).toBe(200);
    const seen = upstream.received.at(-1);
    expect(seen?.headers.authorization).toBeUndefined();
    expect(seen?.headers['x-tollgate-subscription']).toBe('test-subscription');
  });

  it('answers 401 with a Basic challenge for a wrong secret and keeps working from memory once the store is down', async () => {
    const wrong = await call(KEY, 'nope');
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toBe('Basic realm="tollgate", charset="UTF-8"');
    expect(upstream.received).toHaveLength(0);

    expect((await call(KEY, SECRET)).status).toBe(200);
    gateway.store.unreachable = true;
    expect((await call(KEY, SECRET)).status).toBe(200);
  });
});
