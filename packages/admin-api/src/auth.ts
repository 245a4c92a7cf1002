import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sendProblem } from './errors.js';
import { problem } from './problem.js';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Requires `Authorization: Bearer <admin token>` on every route of the scope it is installed
 * in (an encapsulated Fastify plugin). Digests are compared in constant time so the token
 * cannot be guessed byte by byte.
 */
export function installBearerAuth(app: FastifyInstance, adminToken: string): void {
  const expected = digest(adminToken);
  app.addHook('onRequest', async (request, reply) => {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match?.[1] !== undefined && timingSafeEqual(digest(match[1]), expected)) return;
    reply.header('www-authenticate', 'Bearer realm="tollgate"');
    const detail = header === '' ? 'send Authorization: Bearer <token>' : 'the bearer token is not valid';
    return sendProblem(reply, problem('UNAUTHENTICATED', detail, request.id));
  });
}
