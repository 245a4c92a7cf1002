import type { Exchange } from '../exchange.js';
import { headerSafe, reservedHeaderProblem } from './header-names.js';
import type { Rejection } from './kit.js';
import { compileTemplate, constantText, type TemplateOptions, templateProblem } from './template.js';

/** Headers of an answer a policy builds, rendered for one call. */
export type RenderHeaders = (exchange: Exchange, error?: Rejection) => Record<string, string>;

/**
 * Compiles `name → value template` headers for an answer a policy gives (a mock, a custom error
 * page). Names are lower-cased; rendered values are made header-safe; an empty value is left
 * out. When no value has an expression, every call gets the same object (no allocation).
 */
export function compileHeaderTemplates(headers: Record<string, string>, options: TemplateOptions): RenderHeaders {
  const entries = Object.entries(headers);
  const constants = entries.map(([name, value]) => [name.toLowerCase(), constantText(value)] as const);
  if (constants.every(([, text]) => text !== undefined)) {
    const fixed: Record<string, string> = {};
    for (const [name, text] of constants) {
      const safe = headerSafe(text ?? '');
      if (safe !== '') fixed[name] = safe;
    }
    return () => fixed;
  }
  const compiled = entries.map(([name, value]) => [name.toLowerCase(), compileTemplate(value, options)] as const);
  return (exchange, error) => {
    const out: Record<string, string> = {};
    for (const [name, render] of compiled) {
      const value = headerSafe(render(exchange, error));
      if (value !== '') out[name] = value;
    }
    return out;
  };
}

/**
 * Problems of a `name → value template` map for `check()`, keyed `<field>.<name>`: names the
 * gateway owns, a name given twice in different case, templates that do not compile.
 */
export function headerTemplateProblems(
  headers: Record<string, string>,
  field: string,
  options: Omit<TemplateOptions, 'now'> = {},
): Record<string, string> {
  const problems: Record<string, string> = {};
  const seen = new Set<string>();
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    const problem =
      reservedHeaderProblem(lower) ?? (seen.has(lower) ? `'${lower}' is given twice` : undefined) ?? templateProblem(value, options);
    if (problem !== undefined) problems[`${field}.${name}`] = problem;
    seen.add(lower);
  }
  return problems;
}
