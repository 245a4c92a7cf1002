import type { Exchange } from '../../exchange.js';
import { type PolicyHandler, type Rejection, type Reply, reject, reply } from '../kit.js';
import { compileOrigins, originProblem } from './origins.js';
import type { CorsConfig } from './schema.js';

/** Longest part of a caller's Origin or header list echoed in a refusal. */
const MAX_ECHOED = 200;

// A preflight answer depends on these request headers: caches must key on them.
const PREFLIGHT_VARY = 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers';

/**
 * Answers CORS preflights itself (204, never forwarded, before any authentication policy) and
 * adds the CORS response headers to actual calls from admitted origins, on the backend's
 * answer and on the gateway's own error answers alike. An origin that is not admitted gets 403
 * CORS_REJECTED. Calls without `Origin` are not cross-origin calls and pass untouched.
 */
export function createCors(config: CorsConfig): PolicyHandler {
  const admitted = compileOrigins(config.allowOrigins);
  const anyOrigin = config.allowOrigins === '*';
  // '*' cannot be combined with credentials (browsers refuse it): the caller's origin is echoed.
  const literalStar = anyOrigin && !config.allowCredentials;
  const credentials = config.allowCredentials;
  const methods = new Set<string>(config.allowMethods);
  const methodsValue = config.allowMethods.join(', ');
  const anyHeader = config.allowHeaders === '*';
  const allowedHeaders = new Set(anyHeader ? [] : (config.allowHeaders as string[]).map((name) => name.toLowerCase()));
  const headersValue = anyHeader ? '' : [...allowedHeaders].join(', ');
  const exposeValue = config.exposeHeaders.join(', ');
  const maxAgeValue = String(config.maxAge);

  /** Answers a preflight: every check a browser makes on the answer, made here so a refusal says why. */
  function preflight(origin: string, requestMethod: string, requestHeaders: string | undefined): Reply | Rejection {
    if (!methods.has(requestMethod)) {
      return reject('CORS_REJECTED', `the method ${requestMethod.slice(0, MAX_ECHOED)} is not allowed for cross-origin calls`);
    }
    const asked = requestHeaders === undefined ? [] : headerList(requestHeaders);
    if (!anyHeader) {
      const refused = asked.find((name) => !allowedHeaders.has(name));
      if (refused !== undefined) {
        return reject('CORS_REJECTED', `the request header ${refused.slice(0, MAX_ECHOED)} is not allowed for cross-origin calls`);
      }
    }
    const headers: Record<string, string> = {
      'access-control-allow-origin': literalStar ? '*' : origin,
      'access-control-allow-methods': methodsValue,
      'access-control-max-age': maxAgeValue,
      vary: PREFLIGHT_VARY,
    };
    const allowHeaders = anyHeader ? asked.join(', ') : headersValue;
    if (allowHeaders !== '') headers['access-control-allow-headers'] = allowHeaders;
    if (credentials) headers['access-control-allow-credentials'] = 'true';
    return reply(204, headers);
  }

  return {
    onRequest(exchange: Exchange) {
      const origin = exchange.header('origin');
      if (origin === undefined) return undefined;
      if (!admitted(origin)) return reject('CORS_REJECTED', `the origin ${origin.slice(0, MAX_ECHOED)} is not allowed`);
      if (exchange.method === 'OPTIONS') {
        const requestMethod = exchange.header('access-control-request-method');
        if (requestMethod !== undefined) return preflight(origin, requestMethod, exchange.header('access-control-request-headers'));
      }
      // Response headers, not a reply: they also reach the client on a later policy's rejection (401, 429).
      exchange.setResponseHeader('access-control-allow-origin', literalStar ? '*' : origin);
      if (credentials) exchange.setResponseHeader('access-control-allow-credentials', 'true');
      if (exposeValue !== '') exchange.setResponseHeader('access-control-expose-headers', exposeValue);
      exchange.setResponseHeader('vary', 'Origin');
      return undefined;
    },
  };
}

/** `Access-Control-Request-Headers` as lower-case names (browsers send them so already). */
function headerList(value: string): string[] {
  const names: string[] = [];
  for (const part of value.split(',')) {
    const name = part.trim().toLowerCase();
    if (name !== '') names.push(name);
  }
  return names;
}

/** Field errors for `allowOrigins` entries no browser could send (`{ 'allowOrigins.1': "not an origin ..." }`). */
export function checkCors(config: unknown): Record<string, string> {
  const { allowOrigins } = config as CorsConfig;
  const problems: Record<string, string> = {};
  if (allowOrigins === '*') return problems;
  allowOrigins.forEach((entry, index) => {
    const problem = originProblem(entry);
    if (problem !== undefined) problems[`allowOrigins.${index}`] = problem;
  });
  return problems;
}
