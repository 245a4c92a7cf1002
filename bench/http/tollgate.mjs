/**
 * Row (c): the real `tollgate start` process (management API plus one production gateway
 * node, SQLite in a temporary data directory), set up the way a user would through the
 * management API: a project deployed to production with its default verify-api-key policy, a
 * product, an organization, a client and a subscription whose consumer key the load carries.
 */
import { fileURLToPath } from 'node:url';
import { startProcess } from '../lib/processes.mjs';

const CLI = fileURLToPath(new URL('../../apps/cli/dist/main.js', import.meta.url));
const TOKEN = 'bench-admin-token-not-secret';

/** The context path the bench's project is deployed at. */
export const CONTEXT_PATH = '/bench';

/**
 * The context path of the policy-chain project: key verification, a quota, a rate limit and a
 * header set, with limits far above what the bench sends (every call is counted, none refused).
 */
export const CHAIN_PATH = '/chain';

/** The context path of a monetized instance's project whose key check is followed by the monetization limit check. */
export const LIMITED_PATH = '/limited';

const CHAIN_POLICIES = [
  { type: 'verify-api-key', flow: 'proxy-request' },
  { type: 'quota', flow: 'proxy-request', config: { limit: 1_000_000_000_000, unit: 'month' } },
  { type: 'rate-limit', flow: 'proxy-request', config: { limit: 1_000_000_000, windowSeconds: 1 } },
  { type: 'headers', flow: 'proxy-request', config: { set: { 'x-bench': 'chain' } } },
];

/**
 * Starts the CLI and provisions it. `nodeArgs` go to node before the script (`--cpu-prof`).
 *
 * `redisUrl`: counters in Redis (`--redis`) instead of memory.
 *
 * `analytics`: the `--analytics` mode (`rollups`, `full`, `off`); unset: the default (rollups).
 *
 * `metering`: the product gets a rate plan and the subscription picks it, so every call goes to
 * the metering ledger in this `--metering` mode (`async`, `sync`); unset: no plan, no metering.
 *
 * @param {{ dataDir: string, upstreamUrl: string, nodeArgs?: string[], redisUrl?: string, analytics?: string, metering?: string, name?: string }} options
 * @returns {Promise<{ pid: number, child: import('node:child_process').ChildProcess, url: string, apiKey: string }>}
 */
export async function startTollgate({ dataDir, upstreamUrl, nodeArgs = [], redisUrl, analytics, metering, name = 'tollgate' }) {
  const redis = redisUrl === undefined ? [] : ['--redis', redisUrl];
  if (analytics !== undefined) redis.push('--analytics', analytics);
  if (metering !== undefined) redis.push('--metering', metering);
  const started = await startProcess(
    name,
    process.execPath,
    [...nodeArgs, CLI, 'start', '--data', dataDir, '--port', '0', '--gateway', 'production=0', ...redis],
    {
      // warn: no log line per management call; the gateway writes none per proxied call anyway.
      env: { TOLLGATE_ADMIN_TOKEN: TOKEN, TOLLGATE_LOG_LEVEL: 'warn' },
      readyLine: /Tollgate (http:\/\/\S+)\n[\s\S]*? {2}gateway production +(http:\/\/\S+)\n/,
    },
  );
  const [, managementUrl, gatewayUrl] = started.match;
  const apiKey = await provision(`${managementUrl}/api/v1`, upstreamUrl, metering !== undefined);
  await waitUntilServing(gatewayUrl, apiKey, CONTEXT_PATH);
  await waitUntilServing(gatewayUrl, apiKey, CHAIN_PATH);
  if (metering !== undefined) await waitUntilServing(gatewayUrl, apiKey, LIMITED_PATH);
  return { pid: started.pid, child: started.child, url: gatewayUrl, apiKey };
}

async function call(api, method, path, body) {
  const response = await fetch(`${api}${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
  return JSON.parse(text);
}

/** Creates everything a keyed call needs (with a rate plan when `monetized`) and returns the consumer key. */
async function provision(api, upstreamUrl, monetized) {
  // No `policies`: the project gets its secure default, one verify-api-key policy.
  await call(api, 'POST', '/projects', { id: 'bench', name: 'Bench', contextPath: CONTEXT_PATH, target: { url: upstreamUrl } });
  await call(api, 'POST', '/projects/bench/deployments', { serverGroupId: 'production' });
  await call(api, 'POST', '/projects', {
    id: 'chain',
    name: 'Chain',
    contextPath: CHAIN_PATH,
    target: { url: upstreamUrl },
    policies: CHAIN_POLICIES,
  });
  await call(api, 'POST', '/projects/chain/deployments', { serverGroupId: 'production' });
  if (monetized) {
    await call(api, 'POST', '/projects', {
      id: 'limited',
      name: 'Limited',
      contextPath: LIMITED_PATH,
      target: { url: upstreamUrl },
      policies: [
        { type: 'verify-api-key', flow: 'proxy-request' },
        { type: 'monetization-limit-check', flow: 'proxy-request' },
      ],
    });
    await call(api, 'POST', '/projects/limited/deployments', { serverGroupId: 'production' });
  }
  await call(api, 'POST', '/products', {
    id: 'bench-gold',
    name: 'Bench Gold',
    serverGroupIds: ['production'],
    projectIds: monetized ? ['bench', 'chain', 'limited'] : ['bench', 'chain'],
  });
  if (monetized) {
    await call(api, 'POST', '/products/bench-gold/rate-plans', {
      id: 'bench-plan',
      name: 'Bench plan',
      currency: 'USD',
      meteringType: 'UNIT',
      rates: [{ from: 1, price: 1 }],
    });
  }
  await call(api, 'POST', '/organizations', {
    id: 'bench-org',
    name: 'Bench Org',
    administrators: ['ops@bench.test'],
    productIds: ['bench-gold'],
  });
  await call(api, 'POST', '/clients', {
    id: 'bench-client',
    email: 'client@bench.test',
    name: 'Bench Client',
    organizationId: 'bench-org',
  });
  const subscription = await call(api, 'POST', '/subscriptions', {
    id: 'bench-app',
    name: 'Bench app',
    clientId: 'bench-client',
    products: [{ productId: 'bench-gold', ...(monetized ? { ratePlanId: 'bench-plan' } : {}) }],
  });
  const key = subscription.products?.[0]?.consumerKey;
  if (typeof key !== 'string') throw new Error(`the subscription response has no consumerKey: ${JSON.stringify(subscription)}`);
  return key;
}

/** Nodes poll the configuration version; waits until the new key opens the project at `path`. */
async function waitUntilServing(gatewayUrl, apiKey, path) {
  const deadline = Date.now() + 10_000;
  let last = '';
  while (Date.now() < deadline) {
    const response = await fetch(`${gatewayUrl}${path}/hello`, { headers: { 'x-api-key': apiKey } }).catch((error) => error);
    if (response instanceof Response) {
      last = `${response.status} ${await response.text()}`;
      if (response.status === 200) return;
    } else last = String(response);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the gateway did not serve the keyed call within 10 s; last answer: ${last}`);
}
