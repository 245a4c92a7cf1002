import type { FastifyInstance } from 'fastify';

/**
 * Accepts JSON bodies only, and treats an empty `application/json` body as no body, so action routes (approve, revoke,
 * regenerate) work from clients that always send the header. Non-empty bodies go through
 * Fastify's own parser, which refuses `__proto__` and `constructor.prototype` keys.
 */
export function acceptEmptyJsonBodies(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  // JSON only: a text/plain body is a 415, not a string that fails validation.
  app.removeContentTypeParser('text/plain');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    parse(request, text, done);
  });
}
