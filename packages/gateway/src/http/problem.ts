import type { ServerResponse } from 'node:http';
import { ERROR_CATALOGUE, type ErrorCode } from '@tollgate/domain';

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
