import type { Exchange } from '../../exchange.js';
import type { PolicyHandler, PolicyKit } from '../kit.js';
import { compileTemplate, type Render, templateProblem } from '../template.js';
import { QueryParameters } from './query.js';
import type { RewriteConfig } from './schema.js';

/**
 * Rewrites the forwarded path (one regular expression replacement on the path after the
 * context path) and query string: keepOnly, remove, rename, set, add, in that order.
 */
export function createRewrite(config: RewriteConfig, kit: PolicyKit): PolicyHandler {
  const { keepOnly, remove, rename, set, add } = config.query;
  const pathPattern = config.path === undefined ? undefined : new RegExp(config.path.pattern);
  const pathReplacement = config.path?.replacement ?? '';
  const options = { now: kit.now };
  const keep = keepOnly === undefined ? undefined : new Set(keepOnly);
  const renames = Object.entries(rename);
  const sets: Array<[string, Render]> = Object.entries(set).map(([name, value]) => [name, compileTemplate(value, options)]);
  const adds: Array<[string, Render]> = Object.entries(add).map(([name, value]) => [name, compileTemplate(value, options)]);
  return {
    onRequest(exchange: Exchange) {
      if (pathPattern !== undefined) {
        const rewritten = exchange.forwardRemainder.replace(pathPattern, pathReplacement);
        // A replacement that leaves the path relative would glue onto the target's base path.
        if (rewritten !== exchange.forwardRemainder)
          exchange.forwardRemainder = rewritten === '' || rewritten.startsWith('/') ? rewritten : `/${rewritten}`;
      }
      const query = new QueryParameters(exchange.query);
      if (keep !== undefined) query.keepOnly(keep);
      for (const name of remove) query.remove(name);
      for (const [from, to] of renames) query.rename(from, to);
      // exchange.query changes only at the end: every template reads the query this policy received.
      for (const [name, render] of sets) {
        const value = render(exchange);
        if (value === '') query.remove(name);
        else query.set(name, value);
      }
      for (const [name, render] of adds) {
        const value = render(exchange);
        if (value !== '') query.add(name, value);
      }
      exchange.query = query.toString();
      return undefined;
    },
  };
}

/** Templates that do not compile, and a rewrite that changes nothing. */
export function checkRewrite(config: unknown): Record<string, string> {
  const { keepOnly, remove, rename, set, add } = (config as RewriteConfig).query;
  const problems: Record<string, string> = {};
  for (const [field, values] of [
    ['set', set],
    ['add', add],
  ] as const) {
    for (const [name, value] of Object.entries(values)) {
      const problem = templateProblem(value);
      if (problem !== undefined) problems[`query.${field}.${name}`] = problem;
    }
  }
  const path = (config as RewriteConfig).path;
  if (path !== undefined) {
    try {
      new RegExp(path.pattern);
    } catch (error) {
      problems['path.pattern'] = `not a regular expression: ${(error as Error).message}`;
    }
  }
  const queryChanges = remove.length + Object.keys(rename).length + Object.keys(set).length + Object.keys(add).length;
  if (path === undefined && keepOnly === undefined && queryChanges === 0) {
    problems.query = 'give at least one change: path, or a query keepOnly, remove, rename, set or add';
  }
  return problems;
}
