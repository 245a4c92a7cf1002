import type { Exchange } from '../../exchange.js';
import type { PolicyHandler, PolicyKit } from '../kit.js';
import { compileTemplate, type Render, templateProblem } from '../template.js';
import { setVariable } from '../variables.js';
import type { AssignVariablesConfig } from './schema.js';

/**
 * Sets named variables of the call from templates, once per hook: the same work in a request
 * or a response flow, whichever the policy is attached to.
 */
export function createAssignVariables(config: AssignVariablesConfig, kit: PolicyKit): PolicyHandler {
  const assignments: Array<[string, Render]> = Object.entries(config.variables).map(([name, value]) => [
    name,
    compileTemplate(value, { now: kit.now }),
  ]);
  const assign = (exchange: Exchange) => {
    // One at a time, so a value can read a variable set just before it.
    for (const [name, render] of assignments) setVariable(exchange, name, render(exchange));
    return undefined;
  };
  return { onRequest: assign, onResponse: assign };
}

/** Templates that do not compile, by variable. */
export function checkAssignVariables(config: unknown): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const [name, value] of Object.entries((config as AssignVariablesConfig).variables)) {
    const problem = templateProblem(value);
    if (problem !== undefined) problems[`variables.${name}`] = problem;
  }
  return problems;
}
