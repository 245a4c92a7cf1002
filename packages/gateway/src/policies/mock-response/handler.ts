import type { Exchange } from '../../exchange.js';
import { compileHeaderTemplates, headerTemplateProblems } from '../header-templates.js';
import { compileJsonBody, jsonBodyProblems } from '../json-body-template.js';
import type { PolicyHandler, PolicyKit, Reply } from '../kit.js';
import { compileTemplate, templateProblem } from '../template.js';
import type { MockResponseConfig } from './schema.js';

const TEXT = 'text/plain; charset=utf-8';
const JSON_TYPE = 'application/json';

/**
 * Answers every call with the configured reply, without calling the backend. A reply is not an
 * error: it stops the flow even under `continueOnError`, and response flows do not run on it.
 */
export function createMockResponse(config: MockResponseConfig, kit: PolicyKit): PolicyHandler {
  const options = { now: kit.now };
  const isJson = typeof config.body !== 'string';
  const headers = compileHeaderTemplates({ 'content-type': isJson ? JSON_TYPE : TEXT, ...lowerCaseKeys(config.headers) }, options);
  const body = typeof config.body === 'string' ? compileTemplate(config.body, options) : compileJsonBody(config.body, options);
  const status = config.status;
  return {
    onRequest(exchange: Exchange): Reply {
      return { status, headers: headers(exchange), body: body(exchange) };
    },
  };
}

/** Header names as given may differ in case from the default content-type: the configured one must win. */
function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  return out;
}

/** Header names the gateway owns, templates that do not compile, a body on a status that has none. */
export function checkMockResponse(config: unknown): Record<string, string> {
  const { status, headers, body } = config as MockResponseConfig;
  const problems = headerTemplateProblems(headers, 'headers');
  if (typeof body === 'string') {
    const problem = templateProblem(body);
    if (problem !== undefined) problems.body = problem;
  } else {
    Object.assign(problems, jsonBodyProblems(body, 'body'));
  }
  if ((status === 204 || status === 304) && body !== '') problems.body = `a ${status} answer has no body`;
  return problems;
}
