import type { Exchange } from '../exchange.js';
import type { Rejection } from './kit.js';
import { compileTemplate, constantText, type TemplateOptions, templateProblem } from './template.js';

/** Renders a JSON body for one call. */
export type RenderJson = (exchange: Exchange, error?: Rejection) => string;

type Build = (exchange: Exchange, error: Rejection | undefined) => unknown;

/**
 * Compiles a JSON value whose string leaves are templates. A leaf's result is always a JSON
 * string, so no value from the request can add structure. Without any expression the text is
 * serialized once.
 */
export function compileJsonBody(value: unknown, options: TemplateOptions): RenderJson {
  if (isConstant(value)) {
    const text = JSON.stringify(resolveConstant(value));
    return () => text;
  }
  const build = compileValue(value, options);
  return (exchange, error) => JSON.stringify(build(exchange, error));
}

/** Templates of the string leaves that do not compile, keyed `<field>.<path>`. */
export function jsonBodyProblems(value: unknown, field: string, options: Omit<TemplateOptions, 'now'> = {}): Record<string, string> {
  const problems: Record<string, string> = {};
  const walk = (node: unknown, path: string) => {
    if (typeof node === 'string') {
      const problem = templateProblem(node, options);
      if (problem !== undefined) problems[path] = problem;
    } else if (Array.isArray(node)) {
      for (const [index, item] of node.entries()) walk(item, `${path}.${index}`);
    } else if (node !== null && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) walk(item, `${path}.${key}`);
    }
  };
  walk(value, field);
  return problems;
}

function isConstant(node: unknown): boolean {
  if (typeof node === 'string') return constantText(node) !== undefined;
  if (Array.isArray(node)) return node.every(isConstant);
  if (node !== null && typeof node === 'object') return Object.values(node).every(isConstant);
  return true;
}

function resolveConstant(node: unknown): unknown {
  if (typeof node === 'string') return constantText(node);
  if (Array.isArray(node)) return node.map(resolveConstant);
  if (node !== null && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, resolveConstant(v)]));
  return node;
}

function compileValue(node: unknown, options: TemplateOptions): Build {
  if (typeof node === 'string') return compileTemplate(node, options);
  if (Array.isArray(node)) {
    const items = node.map((item) => compileValue(item, options));
    return (exchange, error) => items.map((item) => item(exchange, error));
  }
  if (node !== null && typeof node === 'object') {
    const entries = Object.entries(node).map(([key, item]) => [key, compileValue(item, options)] as const);
    return (exchange, error) => {
      // No prototype: a "__proto__" key in the configuration stays an ordinary key.
      const out: Record<string, unknown> = Object.create(null);
      for (const [key, item] of entries) out[key] = item(exchange, error);
      return out;
    };
  }
  return () => node;
}
