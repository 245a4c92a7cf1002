import type { ServerResponse } from 'node:http';
import { ERROR_CATALOGUE, type ErrorCode, FLOWS } from '@tollgate/domain';
import { noteErrorCode } from '../analytics/call-record.js';
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
  noteErrorCode(response, code);
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
 * problem body, unless a policy of the route has its own answer for errors (`onError`). Both
 * carry the headers policies added to the exchange (`RateLimit-*`, CORS).
 */
export function answer(response: ServerResponse, exchange: Exchange, verdict: Rejection | Reply): void {
  const added = exchange.responseHeaders;
  let replyToSend: Reply;
  if (isReply(verdict)) {
    replyToSend = verdict;
  } else {
    const custom = faultReply(exchange, verdict);
    if (custom === undefined) {
      const headers = added === undefined ? verdict.headers : { ...added, ...verdict.headers };
      sendProblem(response, verdict.code, verdict.detail, exchange.requestId, headers);
      return;
    }
    replyToSend = { ...custom, headers: { ...verdict.headers, ...custom.headers } };
    noteErrorCode(response, verdict.code);
  }
  if (response.headersSent) {
    response.destroy();
    return;
  }
  // 204 and 304 have no content, and RFC 9110 forbids a Content-Length on a 204.
  const bodiless = replyToSend.status === 204 || replyToSend.status === 304;
  response.writeHead(replyToSend.status, {
    ...added,
    ...replyToSend.headers,
    ...(bodiless ? {} : { 'content-length': Buffer.byteLength(replyToSend.body) }),
    'x-request-id': exchange.requestId,
  });
  response.end(bodiless ? undefined : replyToSend.body);
}

/** The first reply a policy of the route gives for this error (`onError`), if any. */
function faultReply(exchange: Exchange, rejection: Rejection): Reply | undefined {
  for (const flow of FLOWS) {
    for (const step of exchange.chains[flow]) {
      let custom: Reply | undefined;
      try {
        custom = step.handler.onError?.(exchange, rejection);
      } catch {
        // A broken error handler must not hide the error: the standard problem body is sent.
        continue;
      }
      if (custom !== undefined) return custom;
    }
  }
  return undefined;
}
