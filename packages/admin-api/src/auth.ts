import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sendProblem } from './errors.js';
import { problem } from './problem.js';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Paths anyone may call: health for load balancers, the API description for people. */
function isPublic(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  return path === '/api/v1/health' || !path.startsWith('/api/v1/');
}

/**
 * Requires `Authorization: Bearer <admin token>` on every `/api/v1` route but health. Digests
 * are compared in constant time so the token cannot be guessed byte by byte.
 */
export function installBearerAuth(app: FastifyInstance, adminToken: string): void {
  const expected = digest(adminToken);
  app.addHook('onRequest', async (request, reply) => {
    if (isPublic(request.url)) return;
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match?.[1] !== undefined && timingSafeEqual(digest(match[1]), expected)) return;
    reply.header('www-authenticate', 'Bearer realm="tollgate"');
    const detail = header === '' ? 'send Authorization: Bearer <token>' : 'the bearer token is not valid';
    return sendProblem(reply, problem('UNAUTHENTICATED', detail, request.id));
  });
}
