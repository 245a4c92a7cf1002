import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { answerNotFound } from './errors.js';

/**
 * Serves the dashboard's production build from `root` at `/`. Its files are registered one route
 * each (`wildcard: false`), so they never shadow `/api/…`. Pair it with `openDashboardOnNotFound`.
 */
export async function serveDashboard(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, { root, prefix: '/', wildcard: false, index: ['index.html'] });
}

/**
 * The root 404 handler when the dashboard is served: a `GET` outside `/api` that asks for HTML gets
 * `index.html`, so every deep link (`/products/gold/analytics`) opens the app, which routes on the
 * client. Everything else keeps the API's 404 problem.
 */
export function openDashboardOnNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const path = request.url.split('?')[0] ?? '';
  const wantsPage =
    request.method === 'GET' && path !== '/api' && !path.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');
  if (!wantsPage) return answerNotFound(request, reply);
  // The shell must never be cached: a new build changes the hashed asset names it names.
  return reply.header('cache-control', 'no-cache').sendFile('index.html');
}
