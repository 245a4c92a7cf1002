import { definePolicy } from '../kit.js';
import { checkAssignVariables, createAssignVariables } from './handler.js';
import { type AssignVariablesConfig, AssignVariablesSchema } from './schema.js';

/** Assign Variables: named values of the call, computed once, for the templates of later policies. */
export const assignVariables = definePolicy<AssignVariablesConfig>({
  name: 'assign-variables',
  description: 'Sets named variables of the call from templates; later policies use them as {variable.<name>}.',
  priority: 405,
  flows: ['proxy-request', 'target-request', 'target-response', 'proxy-response'],
  scopes: ['project', 'resource'],
  schema: AssignVariablesSchema,
  check: checkAssignVariables,
  create: createAssignVariables,
});
