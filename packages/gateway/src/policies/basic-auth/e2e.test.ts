import { beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../snapshot/snapshot.js';
import { makeGatewayKey, makePolicy, usePolicyGateway } from '../../testing/index.js';

const KEY = 'tg_k_basic-e2e';
const SECRET = 'tg_s_basic-e2e';

/** basic-auth through a real node: the store's secret digest, the forwarded request. */
describe('policy: basic-auth end to end', () => {
  const e2e = usePolicyGateway();
  beforeEach(async () => {
    const gateway = await e2e.start([makePolicy({ id: 'basic', type: 'basic-auth' })], { keys: [makeGatewayKey(KEY)] });
    gateway.store.secretDigests.set(sha256Hex(KEY), sha256Hex(SECRET));
  });

  const call = (user: string, password: string) =>
    fetch(`${e2e.gateway.url}/pets/1`, { headers: { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` } });

  it('forwards a call with the right key and secret without the credentials, the caller identified', async () => {
    const res = await call(KEY, SECRET);

    expect(res.status).toBe(200);
    const seen = e2e.upstream.received.at(-1);
    expect(seen?.headers.authorization).toBeUndefined();
    expect(seen?.headers['x-tollgate-subscription']).toBe('test-subscription');
  });

  it('answers 401 with a Basic challenge for a wrong secret and keeps working from memory once the store is down', async () => {
    const wrong = await call(KEY, 'nope');
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toBe('Basic realm="tollgate", charset="UTF-8"');
    expect(e2e.upstream.received).toHaveLength(0);

    expect((await call(KEY, SECRET)).status).toBe(200);
    e2e.gateway.store.unreachable = true;
    expect((await call(KEY, SECRET)).status).toBe(200);
  });
});
