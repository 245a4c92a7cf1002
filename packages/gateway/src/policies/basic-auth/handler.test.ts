import { describe, expect, it } from 'vitest';
import { ConsumerSecrets } from '../../credentials/consumer-secrets.js';
import { sha256Hex } from '../../snapshot/snapshot.js';
import { acceptsConfig, instantiate, makeExchange, makeKeyEntry, makePolicyKit } from '../../testing/policy-kit.js';
import type { KeyEntry, Verdict } from '../kit.js';
import { basicAuth } from './index.js';

const KEY = 'tg_k_basic';
const SECRET = 'tg_s_basic';
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** A kit holding `entry` for KEY, a secret store that knows SECRET (and counts its reads), and a decide function. */
function setup(overrides: Partial<KeyEntry> = {}) {
  const entry = makeKeyEntry({ keyDigest: sha256Hex(KEY), ...overrides });
  const store = { reads: 0, down: false };
  const source = {
    secretDigestOf: async (keyDigest: string) => {
      store.reads++;
      if (store.down) throw new Error('store down');
      return keyDigest === entry.keyDigest ? sha256Hex(SECRET) : undefined;
    },
  };
  const kit = makePolicyKit({ keys: new Map([[entry.keyDigest, entry]]), consumerSecrets: new ConsumerSecrets(source) });
  const handler = instantiate(basicAuth, {}, kit);
  const decide = async (authorization?: string) => {
    const exchange = makeExchange({ headers: authorization === undefined ? {} : { authorization } });
    const verdict: Verdict = await handler.onRequest?.(exchange);
    return { verdict, exchange };
  };
  return { entry, store, decide };
}

describe('policy: basic-auth', () => {
  it('defaults the realm to tollgate and refuses a realm that would break the challenge', () => {
    expect(acceptsConfig(basicAuth, {})).toBe(true);
    expect(acceptsConfig(basicAuth, { realm: 'pets "api"' })).toBe(false);
  });

  it('identifies the caller of a valid key and secret, and removes the credentials from the forwarded headers', async () => {
    const { entry, decide } = setup();
    const { verdict, exchange } = await decide(basic(KEY, SECRET));
    expect(verdict).toBeUndefined();
    expect(exchange.identity).toBe(entry);
    expect(exchange.requestHeaders.authorization).toBeUndefined();
  });

  it('reads the secret digest from the store once, then decides from memory, also while the store is down', async () => {
    const { store, decide } = setup();
    expect((await decide(basic(KEY, SECRET))).verdict).toBeUndefined();
    store.down = true;
    expect((await decide(basic(KEY, SECRET))).verdict).toBeUndefined();
    expect((await decide(basic(KEY, 'wrong'))).verdict).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(store.reads).toBe(1);
  });

  it('answers 401 with a Basic challenge without credentials, and one body for an unknown key and a wrong secret', async () => {
    const { decide } = setup();
    for (const authorization of [undefined, 'Bearer abc', 'Basic !!!', basic('', SECRET)]) {
      expect((await decide(authorization)).verdict).toMatchObject({
        code: 'UNAUTHENTICATED',
        headers: { 'www-authenticate': 'Basic realm="tollgate", charset="UTF-8"' },
      });
    }
    const unknown = (await decide(basic('tg_k_unknown', SECRET))).verdict;
    const wrong = (await decide(basic(KEY, 'tg_s_wrong'))).verdict;
    expect(unknown).toEqual(wrong);
    expect(wrong).toMatchObject({ code: 'UNAUTHENTICATED', detail: 'the consumer key or secret is not valid' });
  });

  it('answers 503 STORAGE_UNAVAILABLE when the secret is not known yet and the store is down', async () => {
    const { store, decide } = setup();
    store.down = true;
    expect((await decide(basic(KEY, SECRET))).verdict).toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
  });

  it('answers 403 for an inactive key or a product without this API, only after the secret matched', async () => {
    expect((await setup({ active: false }).decide(basic(KEY, SECRET))).verdict).toMatchObject({ code: 'SUBSCRIPTION_INACTIVE' });
    expect((await setup({ active: false }).decide(basic(KEY, 'wrong'))).verdict).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await setup({ projectIds: new Set(['other']) }).decide(basic(KEY, SECRET))).verdict).toMatchObject({
      code: 'KEY_NOT_AUTHORIZED',
    });
  });

  it("enforces the key's product quota", async () => {
    const { decide } = setup({ productQuota: { limit: 1, unit: 'day' } });
    expect((await decide(basic(KEY, SECRET))).verdict).toBeUndefined();
    expect((await decide(basic(KEY, SECRET))).verdict).toMatchObject({ code: 'QUOTA_EXCEEDED' });
  });
});
