import { basename } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { answerNotFound } from './errors.js';

/**
 * The headers of the dashboard's page. It is never cached, because a new build changes the
 * hashed asset names it loads; and no other site may frame it, because a framed page could trick
 * an administrator into the two clicks of Revoke or Delete (clickjacking). `X-Frame-Options` is
 * for browsers that predate CSP `frame-ancestors`.
 */
const PAGE_HEADERS = {
  'cache-control': 'no-cache',
  'x-frame-options': 'DENY',
  'content-security-policy': "frame-ancestors 'none'",
} as const;

/**
 * Serves the dashboard's production build from `root` at `/`. Its files are registered one route
 * each (`wildcard: false`), so they never shadow `/api/…`. Pair it with `openDashboardOnNotFound`.
 */
export async function serveDashboard(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    // Runs for `/`, `/index.html` and the deep links alike (sendFile), after the static defaults, so these win.
    setHeaders: (reply, path) => {
      if (basename(path) === 'index.html') reply.headers(PAGE_HEADERS);
    },
  });
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
  // The page's headers come from `setHeaders` of `serveDashboard`, as for `/`.
  return reply.sendFile('index.html');
}
