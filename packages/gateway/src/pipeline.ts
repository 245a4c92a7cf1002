import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { attachExchange, type CallRecording, trackCall } from './analytics/call-record.js';
import type { ConsumerSecrets } from './credentials/consumer-secrets.js';
import { BodyTooLarge, Exchange } from './exchange.js';
import { runFlows } from './flows.js';
import { upstreamRequestHeaders } from './http/headers.js';
import { normalizePath } from './http/normalize-path.js';
import { answer, sendProblem } from './http/problem.js';
import { METRICS_PATH, serveMetrics } from './metrics/serve-metrics.js';
import { createTokenEndpoint, TOKEN_PATH } from './oauth/token-endpoint.js';
import type { Verdict } from './policies/kit.js';
import { matchProject, matchResource } from './snapshot/router.js';
import type { Snapshot } from './snapshot/snapshot.js';
import { type ForwardLimits, forward, type Upstreams } from './upstream/forward.js';

/** The minimal logger the gateway writes to (pino fits). */
export interface GatewayLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

/** What the request handler reads on every call; `snapshot` is swapped whole on change. */
export interface PipelineState {
  snapshot: Snapshot;
  draining: boolean;
}

/**
 * Builds the node's request handler: normalise the path, route, run the request flows'
 * policies, forward. Configuration and keys come from the in-memory snapshot only.
 */
export function createPipeline(
  state: PipelineState,
  upstreams: Upstreams,
  limits: ForwardLimits,
  logger: GatewayLogger,
  consumerSecrets: ConsumerSecrets,
  /** Metrics and analytics: one event per call. */
  recording: CallRecording,
) {
  const isDraining = () => state.draining;
  const tokenEndpoint = createTokenEndpoint(consumerSecrets, () => state.snapshot);
  return function handle(request: IncomingMessage, response: ServerResponse): void {
    if (request.url === METRICS_PATH && request.method === 'GET') {
      serveMetrics(request, response, recording.metrics);
      return;
    }
    const requestId = randomUUID();
    trackCall(recording, requestId, request, response);
    if (state.draining) response.setHeader('connection', 'close');
    if (request.headers.host === undefined && request.httpVersion === '1.1') {
      sendProblem(response, 'VALIDATION_FAILED', 'an HTTP/1.1 request needs a Host header', requestId, { connection: 'close' });
      return;
    }
    const url = request.url ?? '/';
    const queryStart = url.indexOf('?');
    const rawPath = queryStart === -1 ? url : url.slice(0, queryStart);
    const path = normalizePath(rawPath);
    if (path === undefined) {
      sendProblem(response, 'VALIDATION_FAILED', 'the request path is not valid', requestId);
      return;
    }
    if (path === TOKEN_PATH) {
      tokenEndpoint(request, response, requestId).catch((error: unknown) => {
        logger.error({ err: error, requestId }, 'token endpoint failed');
        sendProblem(response, 'INTERNAL', 'the token endpoint failed', requestId);
      });
      return;
    }
    const snapshot = state.snapshot;
    const compiled = matchProject(snapshot.projects, path);
    if (compiled === undefined) {
      sendProblem(response, 'ROUTE_NOT_FOUND', `no API is deployed at ${path}`, requestId);
      return;
    }
    const method = request.method ?? 'GET';
    const remainder = path.slice(compiled.project.contextPath.length);
    const match = matchResource(compiled.resources, remainder, routingMethod(request, method));
    if (match.kind === 'not-found') {
      sendProblem(response, 'ROUTE_NOT_FOUND', `no resource of ${compiled.project.contextPath} matches ${path}`, requestId);
      return;
    }
    if (match.kind === 'method-not-allowed') {
      sendProblem(response, 'METHOD_NOT_ALLOWED', `${method} is not allowed here`, requestId, { allow: match.allow });
      return;
    }
    const declaredLength = request.headers['content-length'];
    if (declaredLength !== undefined && Number(declaredLength) > limits.maxBodyBytes) {
      sendProblem(response, 'PAYLOAD_TOO_LARGE', `the request body is larger than ${limits.maxBodyBytes} bytes`, requestId, {
        connection: 'close',
      });
      return;
    }
    const chains =
      match.resource === undefined ? compiled.chains : (compiled.resourceChains.get(match.resource.resource.id) ?? compiled.chains);
    const exchange = new Exchange(
      request,
      requestId,
      method,
      path,
      queryStart === -1 ? '' : url.slice(queryStart + 1),
      compiled,
      match.resource,
      remainder,
      upstreamRequestHeaders(request.headers),
      chains,
    );
    attachExchange(response, exchange);
    exchange.maxBodyBytes = limits.maxBodyBytes;
    if (compiled.trace !== undefined && recording.traces?.begin(exchange, response) === true) traced(exchange, response);
    else run(exchange, response);
  };

  /** Runs the request flows, then forwards or answers. */
  function run(exchange: Exchange, response: ServerResponse): void {
    const outcome = runFlows('request', exchange.chains, exchange, logger);
    if (outcome instanceof Promise) {
      outcome.then(
        (verdict) => proceed(verdict, exchange, response),
        () => proceed({ code: 'POLICY_FAILED', detail: 'a policy failed' }, exchange, response),
      );
    } else {
      proceed(outcome, exchange, response);
    }
  }

  /**
   * A traced call: its body (if any) is read first, within the node's body limit, so the trace
   * records what the client sent; it is then forwarded from memory, as after a policy read it.
   */
  function traced(exchange: Exchange, response: ServerResponse): void {
    const headers = exchange.request.headers;
    if (!(Number(headers['content-length']) > 0 || headers['transfer-encoding'] !== undefined)) {
      run(exchange, response);
      return;
    }
    exchange.readBody().then(
      (body) => {
        exchange.trace?.sampleRequestBody(body);
        run(exchange, response);
      },
      (error: unknown) => {
        if (error instanceof BodyTooLarge) {
          answer(response, exchange, { code: 'PAYLOAD_TOO_LARGE', detail: error.message, headers: { connection: 'close' } });
        } else {
          // The client went away (or broke the body) while sending it.
          answer(response, exchange, {
            code: 'VALIDATION_FAILED',
            detail: 'the request body could not be read',
            headers: { connection: 'close' },
          });
        }
      },
    );
  }

  /** Forwards, or answers a policy's reply or rejection. */
  function proceed(verdict: Verdict, exchange: Exchange, response: ServerResponse): void {
    if (exchange.awaitsCompletion) {
      // The client may have gone while an asynchronous policy ran: its close event is past.
      if (response.destroyed) exchange.complete();
      else response.once('close', () => exchange.complete());
    }
    if (verdict === undefined) forward(exchange, response, upstreams, limits, isDraining, logger);
    else answer(response, exchange, verdict);
  }
}

/**
 * A CORS preflight (OPTIONS with Origin and Access-Control-Request-Method) is routed as the call
 * it announces, so it reaches the resource (and its cors policy) even when the resource does
 * not list OPTIONS. Every other request is routed by its own method.
 */
function routingMethod(request: IncomingMessage, method: string): string {
  if (method !== 'OPTIONS' || request.headers.origin === undefined) return method;
  const announced = request.headers['access-control-request-method'];
  return typeof announced === 'string' && announced !== '' ? announced.toUpperCase() : method;
}
