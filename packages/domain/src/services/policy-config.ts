import Value from 'typebox/value';
import type { Policy } from '../entities/project.js';
import type { PolicyType } from '../ports/policy-types.js';

/**
 * Checks each policy against its type: the type exists, the flow and scope are allowed, and
 * `config` (and each server group's override merged over it) matches the type's schema with
 * its defaults filled. Returns field errors keyed like `policies.2.config.limit`, so a form can
 * mark the field inside the policy.
 */
export function policyFieldErrors(policies: readonly Policy[], types: ReadonlyMap<string, PolicyType>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [index, policy] of policies.entries()) {
    const at = `policies.${index}`;
    const type = types.get(policy.type);
    if (type === undefined) {
      fields[`${at}.type`] = `unknown policy type '${policy.type}' (GET /api/v1/policy-types lists them)`;
      continue;
    }
    if (!type.flows.includes(policy.flow)) fields[`${at}.flow`] = `${policy.type} runs only in ${type.flows.join(', ')}`;
    const scope = policy.resourceId === undefined ? 'project' : 'resource';
    if (!type.scopes.includes(scope)) fields[`${at}.resourceId`] = `${policy.type} cannot be attached to a ${scope}`;
    Object.assign(fields, configErrors(type, policy.config, `${at}.config`));
    for (const [groupId, override] of Object.entries(policy.serverGroupConfig ?? {})) {
      Object.assign(fields, configErrors(type, { ...policy.config, ...override }, `${at}.serverGroupConfig.${groupId}`));
    }
  }
  return fields;
}

/** The schema's errors for one config, with defaults filled first (as the gateway does). */
function configErrors(type: PolicyType, config: Record<string, unknown>, prefix: string): Record<string, string> {
  let withDefaults: unknown;
  try {
    withDefaults = Value.Default(type.schema, Value.Clone(config));
  } catch {
    // A config shape the schema library cannot even fill defaults into is refused whole.
    return { [prefix]: 'does not match the schema of this policy type' };
  }
  const fields: Record<string, string> = {};
  for (const error of Value.Errors(type.schema, withDefaults)) {
    // additionalProperties is reported twice: on the object and on the extra field; keep the field.
    if (error.keyword === 'additionalProperties') continue;
    let path = error.instancePath;
    const required = (error.params as { requiredProperties?: string[] }).requiredProperties;
    if (error.keyword === 'required' && required !== undefined) path += `/${required[0]}`;
    const field = prefix + path.replaceAll('/', '.');
    fields[field] ??= error.keyword === 'boolean' ? 'is not a field of this policy type' : error.message;
  }
  if (Object.keys(fields).length > 0 || type.check === undefined) return fields;
  for (const [path, message] of Object.entries(type.check(withDefaults))) fields[path === '' ? prefix : `${prefix}.${path}`] = message;
  return fields;
}
