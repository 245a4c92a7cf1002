import { ERROR_CATALOGUE, type ErrorCode } from '@tollgate/domain';
import type { Exchange } from '../../exchange.js';
import { compileHeaderTemplates, headerTemplateProblems, type RenderHeaders } from '../header-templates.js';
import { compileJsonBody, jsonBodyProblems } from '../json-body-template.js';
import type { PolicyHandler, PolicyKit, Rejection, Reply } from '../kit.js';
import { compileTemplate, type Render, templateProblem } from '../template.js';
import type { FaultHandlingConfig, FaultRule } from './schema.js';

const TEMPLATES = { errors: true } as const;

/** A rule compiled: everything but the error-dependent parts is fixed. */
interface CompiledRule {
  status: number | undefined;
  headers: RenderHeaders;
  contentType: string;
  body: Render;
}

/**
 * Replaces the gateway's problem body with a custom answer for the errors of a route. Only
 * `onError` is registered: the policy never changes a call that goes well. The answer keeps
 * the error's own headers (`Retry-After`) and the call's (`RateLimit-*`): `answer()` merges them.
 */
export function createFaultHandling(config: FaultHandlingConfig, kit: PolicyKit): PolicyHandler {
  const options = { now: kit.now, ...TEMPLATES };
  const compiled = config.rules.map((rule) => compileRule(rule, options));
  // The first rule naming a code wins, so each code is resolved once, here.
  const byCode = new Map<ErrorCode, CompiledRule>();
  for (const code of Object.keys(ERROR_CATALOGUE) as ErrorCode[]) {
    const index = config.rules.findIndex((rule) => rule.codes.length === 0 || rule.codes.includes(code));
    const rule = compiled[index];
    if (rule !== undefined) byCode.set(code, rule);
  }
  return {
    onError(exchange: Exchange, rejection: Rejection): Reply | undefined {
      const rule = byCode.get(rejection.code);
      if (rule === undefined) return undefined;
      try {
        return {
          status: rule.status ?? ERROR_CATALOGUE[rejection.code].status,
          headers: { 'content-type': rule.contentType, ...rule.headers(exchange, rejection) },
          body: rule.body(exchange, rejection),
        };
      } catch {
        // answer() does not guard onError: a failure here must fall back to the problem body.
        return undefined;
      }
    },
  };
}

function compileRule(rule: FaultRule, options: { now: () => number; errors: true }): CompiledRule {
  const isJson = typeof rule.body !== 'string';
  return {
    status: rule.status,
    headers: compileHeaderTemplates(rule.headers, options),
    contentType: rule.contentType ?? (isJson ? 'application/json' : 'text/plain; charset=utf-8'),
    body: typeof rule.body === 'string' ? compileTemplate(rule.body, options) : compileJsonBody(rule.body, options),
  };
}

/** Header names the gateway owns, templates that do not compile, a body on 204 or 304. */
export function checkFaultHandling(config: unknown): Record<string, string> {
  const problems: Record<string, string> = {};
  (config as FaultHandlingConfig).rules.forEach((rule, index) => {
    const at = `rules.${index}`;
    Object.assign(problems, headerTemplateProblems(rule.headers, `${at}.headers`, TEMPLATES));
    if (typeof rule.body === 'string') {
      const problem = templateProblem(rule.body, TEMPLATES);
      if (problem !== undefined) problems[`${at}.body`] = problem;
    } else {
      Object.assign(problems, jsonBodyProblems(rule.body, `${at}.body`, TEMPLATES));
    }
    if ((rule.status === 204 || rule.status === 304) && rule.body !== '') problems[`${at}.body`] = `a ${rule.status} answer has no body`;
  });
  return problems;
}
