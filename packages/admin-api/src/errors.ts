import { type ErrorCode, isTollgateError } from '@tollgate/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_MEDIA_TYPE, problem } from './problem.js';
import { fieldErrors } from './validation.js';

/** Fastify's own errors for malformed requests, mapped to catalogue codes. */
const FASTIFY_CODES: Record<string, { code: ErrorCode; detail: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'VALIDATION_FAILED', detail: 'the body is not valid JSON' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', detail: 'the body is larger than the management API accepts' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', detail: 'send JSON bodies as application/json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'VALIDATION_FAILED', detail: 'the Content-Length does not match the body' },
  FST_ERR_CTP_INVALID_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', detail: 'the Content-Type header is not valid' },
};

/** Sends a problem body with its status. */
export function sendProblem(reply: FastifyReply, body: ReturnType<typeof problem>): FastifyReply {
  return reply.status(body.status).type(PROBLEM_MEDIA_TYPE).send(body);
}

function toProblem(error: FastifyError, request: FastifyRequest) {
  if (isTollgateError(error)) return problem(error.code, error.message, request.id, error.fields);
  if (error.validation !== undefined) {
    const fields = fieldErrors(error.validation as never, error.validationContext ?? 'body');
    const detail = Object.entries(fields)
      .map(([field, message]) => `${field} ${message}`)
      .join('; ');
    return problem('VALIDATION_FAILED', detail, request.id, fields);
  }
  const known = error.code === undefined ? undefined : FASTIFY_CODES[error.code];
  if (known !== undefined) return problem(known.code, known.detail, request.id);
  // Parser errors for bodies of other media types, proto-poisoning and the like: a 4xx from Fastify is the client's fault.
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return { ...problem('VALIDATION_FAILED', 'the request is malformed', request.id), status: error.statusCode };
  }
  return undefined;
}

/**
 * Every error leaves as `application/problem+json` with a stable code. Expected errors are
 * logged at info; anything else is a bug: logged with its stack under the request id and
 * answered 500 INTERNAL with no detail.
 */
export function installErrorHandling(
  app: FastifyInstance,
  notFound: (request: FastifyRequest, reply: FastifyReply) => FastifyReply = answerNotFound,
): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const body = toProblem(error, request);
    if (body !== undefined) {
      // Expected errors are the client's business; a 5xx (the store is down) is the operator's.
      request.log[body.status >= 500 ? 'warn' : 'debug']({ code: body.code, status: body.status }, body.detail);
      return sendProblem(reply, body);
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendProblem(reply, problem('INTERNAL', 'an unexpected error occurred; the log has details under this request id', request.id));
  });
  app.setNotFoundHandler(notFound);
}

/** 404 NOT_FOUND for a URL no route matches; installed again in scopes whose hooks must run first. */
export function answerNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendProblem(reply, problem('NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0] ?? ''}`, request.id));
}
