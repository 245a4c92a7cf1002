import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { Pool } from 'undici';
import type { Exchange } from '../exchange.js';
import { downstreamResponseHeaders } from '../http/headers.js';
import { sendProblem } from '../http/problem.js';

/** Raised while streaming a chunked request body that outgrows the limit. */
class BodyTooLarge extends Error {}

const VIA = '1.1 tollgate';

/** Connection pools per target origin, shared by every snapshot of a node. */
export class Upstreams {
  private readonly pools = new Map<string, Pool>();

  get(origin: string): Pool {
    let pool = this.pools.get(origin);
    if (pool === undefined) {
      pool = new Pool(origin, { connections: 256, pipelining: 1, keepAliveTimeout: 4_000, connectTimeout: 5_000 });
      this.pools.set(origin, pool);
    }
    return pool;
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((pool) => pool.close()));
    this.pools.clear();
  }
}

/** Limits the forwarder applies to every call. */
export interface ForwardLimits {
  maxBodyBytes: number;
}

/** Streams a chunked body through, failing once it passes `max` bytes. */
async function* capped(request: IncomingMessage, max: number): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > max) throw new BodyTooLarge();
    yield chunk;
  }
}

/**
 * Sends the exchange to its target and streams the answer back with back-pressure (undici's
 * `stream` writes into the client response and waits for it to drain). Redirects are passed
 * through, never followed. Connection failures answer 502 UPSTREAM_UNAVAILABLE, no answer in
 * `timeoutMs` 504 UPSTREAM_TIMEOUT; a failure after the headers went out cuts the connection.
 */
export function forward(
  exchange: Exchange,
  response: ServerResponse,
  upstreams: Upstreams,
  limits: ForwardLimits,
  isDraining: () => boolean,
): void {
  const { request, compiled, identity } = exchange;
  const target = compiled.target;
  const forwardBasePath = exchange.resource?.resource.forwardBasePath ?? true;
  const path = (target.basePath + (forwardBasePath ? exchange.remainder : '') || '/') + (exchange.query === '' ? '' : `?${exchange.query}`);

  const headers = exchange.requestHeaders;
  const clientAddress = request.socket.remoteAddress ?? '';
  const forwardedFor = headers['x-forwarded-for'];
  headers['x-forwarded-for'] = forwardedFor === undefined ? clientAddress : `${String(forwardedFor)}, ${clientAddress}`;
  headers['x-forwarded-proto'] = 'http';
  if (request.headers.host !== undefined) headers['x-forwarded-host'] = request.headers.host;
  headers.via = headers.via === undefined ? VIA : `${String(headers.via)}, ${VIA}`;
  headers['x-request-id'] = exchange.requestId;
  if (identity !== undefined) {
    headers['x-tollgate-client'] = identity.clientId;
    headers['x-tollgate-subscription'] = identity.subscriptionId;
    headers['x-tollgate-product'] = identity.productId;
  }

  const hasBody = request.headers['content-length'] !== undefined || request.headers['transfer-encoding'] !== undefined;
  const body = !hasBody
    ? null
    : request.headers['content-length'] !== undefined
      ? request
      : Readable.from(capped(request, limits.maxBodyBytes));
  const abort = new AbortController();
  response.once('close', () => {
    if (!response.writableFinished) abort.abort();
  });

  upstreams
    .get(target.origin)
    .stream(
      {
        path,
        method: exchange.method as 'GET',
        headers,
        body,
        headersTimeout: target.timeoutMs,
        bodyTimeout: target.timeoutMs,
        signal: abort.signal,
      },
      ({ statusCode, headers: upstreamHeaders }) => {
        const out = downstreamResponseHeaders(upstreamHeaders);
        out.via = out.via === undefined ? VIA : `${String(out.via)}, ${VIA}`;
        out['x-request-id'] = exchange.requestId;
        // Read when the head is written: a drain that began mid-request must still close this connection.
        if (isDraining()) out.connection = 'close';
        response.writeHead(statusCode, out);
        return response;
      },
    )
    .catch((error: unknown) => answerFailure(error, exchange, response));
}

function answerFailure(error: unknown, exchange: Exchange, response: ServerResponse): void {
  if (response.headersSent || response.destroyed) {
    response.destroy();
    return;
  }
  if (error instanceof BodyTooLarge) {
    sendProblem(response, 'PAYLOAD_TOO_LARGE', 'the request body is larger than the gateway accepts', exchange.requestId, {
      connection: 'close',
    });
    return;
  }
  const code = (error as { code?: string }).code;
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    sendProblem(
      response,
      'UPSTREAM_TIMEOUT',
      `the backend did not answer within ${exchange.compiled.target.timeoutMs} ms`,
      exchange.requestId,
    );
    return;
  }
  sendProblem(response, 'UPSTREAM_UNAVAILABLE', 'the backend could not be reached', exchange.requestId);
}
