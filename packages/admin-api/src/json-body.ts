import type { FastifyInstance } from 'fastify';

/**
 * Treats an empty `application/json` body as no body, so action routes (approve, revoke,
 * regenerate) work from clients that always send the header. Non-empty bodies go through
 * Fastify's own parser, which refuses `__proto__` and `constructor.prototype` keys.
 */
export function acceptEmptyJsonBodies(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
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
