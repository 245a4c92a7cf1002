import type { Exchange } from '../exchange.js';

/**
 * Variables set by `assign-variables`, per call. Exchange has no variable store, so they live
 * here, keyed weakly by the exchange: they vanish with the call, and nothing else can see them.
 */
const byExchange = new WeakMap<Exchange, Map<string, string>>();

/** Names a variable may have: `{variable.<name>}` must stay unambiguous in a template. */
export const VARIABLE_NAME_PATTERN = '^[A-Za-z][A-Za-z0-9_-]{0,63}$';
const VARIABLE_NAME = new RegExp(VARIABLE_NAME_PATTERN);

/** Whether `name` is a valid variable name. */
export function isVariableName(name: string): boolean {
  return VARIABLE_NAME.test(name);
}

/** Sets (or replaces) a variable of this call. */
export function setVariable(exchange: Exchange, name: string, value: string): void {
  let variables = byExchange.get(exchange);
  if (variables === undefined) {
    variables = new Map();
    byExchange.set(exchange, variables);
  }
  variables.set(name, value);
}

/** A variable of this call; undefined when no policy set it. */
export function variableOf(exchange: Exchange, name: string): string | undefined {
  return byExchange.get(exchange)?.get(name);
}
