import type { Exchange } from '../../exchange.js';
import { headerSafe, reservedHeaderProblem } from '../header-names.js';
import type { PolicyHandler, PolicyKit } from '../kit.js';
import { compileTemplate, type Render, templateProblem } from '../template.js';
import type { HeadersConfig } from './schema.js';

/** Request headers (string or repeated) and response headers (which may hold numbers) alike. */
type HeaderBag = Record<string, string | string[] | number | undefined>;

/** A header config compiled: lower-case names, templates turned into functions. */
interface HeaderPlan {
  remove: string[];
  rename: Array<[from: string, to: string]>;
  set: Array<[name: string, value: Render]>;
  add: Array<[name: string, value: Render]>;
}

/**
 * Changes headers: in request flows those forwarded to the backend (`exchange.requestHeaders`),
 * in response flows the backend's answer (`exchange.response.headers`). Remove, then rename,
 * then set, then add; the handler only knows its hook, so each flow gets the matching one.
 */
export function createHeaders(config: HeadersConfig, kit: PolicyKit): PolicyHandler {
  const plan = compilePlan(config, kit);
  return {
    onRequest(exchange: Exchange) {
      applyPlan(exchange.requestHeaders, plan, exchange);
      return undefined;
    },
    onResponse(exchange: Exchange) {
      if (exchange.response !== undefined) applyPlan(exchange.response.headers, plan, exchange);
      return undefined;
    },
  };
}

function compilePlan(config: HeadersConfig, kit: PolicyKit): HeaderPlan {
  const options = { now: kit.now };
  return {
    remove: config.remove.map((name) => name.toLowerCase()),
    rename: Object.entries(config.rename).map(([from, to]) => [from.toLowerCase(), to.toLowerCase()]),
    set: Object.entries(config.set).map(([name, value]) => [name.toLowerCase(), compileTemplate(value, options)]),
    add: Object.entries(config.add).map(([name, value]) => [name.toLowerCase(), compileTemplate(value, options)]),
  };
}

function applyPlan(headers: HeaderBag, plan: HeaderPlan, exchange: Exchange): void {
  for (const name of plan.remove) delete headers[name];
  for (const [from, to] of plan.rename) {
    const value = headers[from];
    if (value === undefined || from === to) continue;
    delete headers[from];
    headers[to] = value;
  }
  for (const [name, render] of plan.set) {
    const value = headerSafe(render(exchange));
    if (value === '') delete headers[name];
    else headers[name] = value;
  }
  for (const [name, render] of plan.add) {
    const value = headerSafe(render(exchange));
    if (value === '') continue;
    const current = headers[name];
    if (current === undefined) headers[name] = value;
    else if (Array.isArray(current)) headers[name] = [...current, value];
    else headers[name] = [String(current), value];
  }
}

/**
 * What the schema cannot say: names the gateway owns (hop-by-hop, `content-length`, `host`,
 * `x-request-id`, `x-tollgate-*`), names given twice in different case, templates that do
 * not compile, and a policy that changes nothing.
 */
export function checkHeaders(config: unknown): Record<string, string> {
  const { remove, rename, set, add } = config as HeadersConfig;
  const problems: Record<string, string> = {};
  const names = (field: string, list: string[]) => {
    const seen = new Set<string>();
    for (const name of list) {
      const lower = name.toLowerCase();
      const problem = reservedHeaderProblem(lower) ?? (seen.has(lower) ? `'${lower}' is given twice` : undefined);
      if (problem !== undefined) problems[`${field}.${name}`] ??= problem;
      seen.add(lower);
    }
  };
  names('remove', remove);
  names('rename', Object.keys(rename));
  for (const [from, to] of Object.entries(rename)) {
    const problem = reservedHeaderProblem(to.toLowerCase());
    if (problem !== undefined) problems[`rename.${from}`] ??= problem;
  }
  names('set', Object.keys(set));
  names('add', Object.keys(add));
  for (const [field, values] of [
    ['set', set],
    ['add', add],
  ] as const) {
    for (const [name, value] of Object.entries(values)) {
      const problem = templateProblem(value);
      if (problem !== undefined) problems[`${field}.${name}`] ??= problem;
    }
  }
  if (remove.length + Object.keys(rename).length + Object.keys(set).length + Object.keys(add).length === 0) {
    problems[''] = 'give at least one header to remove, rename, set or add';
  }
  return problems;
}
