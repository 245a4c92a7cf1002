import type { ServerResponse } from 'node:http';
import { ERROR_CATALOGUE, type ErrorCode } from '@tollgate/domain';
import type { Exchange } from '../exchange.js';
import { isReply, type Rejection, type Reply } from '../policies/kit.js';

/**
 * Answers with an RFC 9457 problem body and the code's status. Used for every answer the
 * gateway gives itself (rejections, routing and upstream failures).
 */
export function sendProblem(
  response: ServerResponse,
  code: ErrorCode,
  detail: string,
  requestId: string,
  headers?: Record<string, string>,
  status: number = ERROR_CATALOGUE[code].status,
): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const body = JSON.stringify({
    type: `https://tollgate.dev/errors/${code.toLowerCase().replaceAll('_', '-')}`,
    title: ERROR_CATALOGUE[code].title,
    status,
    detail,
    code,
    requestId,
  });
  response.writeHead(status, {
    ...headers,
    'content-type': 'application/problem+json',
    'content-length': Buffer.byteLength(body),
    'x-request-id': requestId,
  });
  response.end(body);
}

/**
 * Answers a policy's verdict instead of the backend: a reply as given, a rejection as a
 * problem body; both carry the headers policies added to the exchange (`RateLimit-*`, CORS).
 */
export function answer(response: ServerResponse, exchange: Exchange, verdict: Rejection | Reply): void {
  const added = exchange.responseHeaders;
  if (!isReply(verdict)) {
    sendProblem(
      response,
      verdict.code,
      verdict.detail,
      exchange.requestId,
      added === undefined ? verdict.headers : { ...added, ...verdict.headers },
    );
    return;
  }
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.writeHead(verdict.status, {
    ...added,
    ...verdict.headers,
    'content-length': Buffer.byteLength(verdict.body),
    'x-request-id': exchange.requestId,
  });
  response.end(verdict.body);
}
