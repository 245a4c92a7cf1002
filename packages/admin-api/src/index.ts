/** @tollgate/admin-api: the management REST API on Fastify, with its OpenAPI document. */
export { type AdminApiOptions, createAdminApi, DEFAULT_BODY_LIMIT } from './app.js';
export { PROBLEM_MEDIA_TYPE, type Problem, ProblemSchema } from './problem.js';
