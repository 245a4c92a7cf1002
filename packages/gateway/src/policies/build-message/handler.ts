import type { Exchange } from '../../exchange.js';
import { headerSafe } from '../header-names.js';
import { headerTemplateProblems } from '../header-templates.js';
import { compileJsonBody, jsonBodyProblems } from '../json-body-template.js';
import type { PolicyHandler, PolicyKit } from '../kit.js';
import { replaceResponseBody } from '../response-body.js';
import { compileTemplate, type Render, templateProblem } from '../template.js';
import type { BuildMessageConfig } from './schema.js';

type HeaderBag = Record<string, string | string[] | number | undefined>;

/**
 * Builds the forwarded request (request flows: headers and body) or the answer (response flows:
 * status, headers and body) from templates. Replacing the answer's body needs the whole backend
 * body buffered first (`readsResponseBody`), so the upstream is read to its end rather than left
 * half-read on a pooled connection.
 */
export function createBuildMessage(config: BuildMessageConfig, kit: PolicyKit): PolicyHandler {
  const options = { now: kit.now };
  const headers = Object.entries(config.headers).map(([name, value]) => [name.toLowerCase(), compileTemplate(value, options)] as const);
  const body: Render | undefined =
    config.body === undefined
      ? undefined
      : typeof config.body === 'string'
        ? compileTemplate(config.body, options)
        : compileJsonBody(config.body, options);
  const contentType = config.contentType ?? (config.body !== undefined && typeof config.body !== 'string' ? 'application/json' : undefined);
  const status = config.status;

  const setHeaders = (bag: HeaderBag, exchange: Exchange) => {
    for (const [name, render] of headers) {
      const value = headerSafe(render(exchange));
      if (value === '') delete bag[name];
      else bag[name] = value;
    }
  };

  return {
    readsResponseBody: body !== undefined,
    onRequest(exchange: Exchange) {
      setHeaders(exchange.requestHeaders, exchange);
      if (body !== undefined) exchange.replaceBody(body(exchange), contentType);
      else if (contentType !== undefined) exchange.requestHeaders['content-type'] = contentType;
      return undefined;
    },
    onResponse(exchange: Exchange) {
      const response = exchange.response;
      if (response === undefined) return undefined;
      // Status first: header and body templates may read {response.status} and get the new one.
      if (status !== undefined) response.status = status;
      setHeaders(response.headers, exchange);
      if (body !== undefined) replaceResponseBody(response, body(exchange), contentType);
      else if (contentType !== undefined) response.headers['content-type'] = contentType;
      return undefined;
    },
  };
}

/** Header names the gateway owns, templates that do not compile. */
export function checkBuildMessage(config: unknown): Record<string, string> {
  const { headers, body, status, contentType } = config as BuildMessageConfig;
  const problems = headerTemplateProblems(headers, 'headers');
  if (typeof body === 'string') {
    const problem = templateProblem(body);
    if (problem !== undefined) problems.body = problem;
  } else if (body !== undefined) {
    Object.assign(problems, jsonBodyProblems(body, 'body'));
  }
  if (status === undefined && Object.keys(headers).length === 0 && body === undefined && contentType === undefined) {
    problems[''] = 'give a status, headers or a body to build';
  }
  return problems;
}
