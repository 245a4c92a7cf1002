/** @tollgate/admin-api: the management REST API on Fastify, with its OpenAPI document. */
export { type AdminApiOptions, createAdminApi, DEFAULT_BODY_LIMIT } from './app.js';
export { type Problem, ProblemSchema, PROBLEM_MEDIA_TYPE } from './problem.js';
