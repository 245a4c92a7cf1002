import { unwrap } from '@tollgate/api-client';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import type { JsonSchema } from '../../components/schema-form';
import type { PolicyType } from './model';

/** The policy types of `GET /policy-types` (undefined while they load); a failure goes to `onError`. */
export function usePolicyTypes(onError: (error: unknown) => void): PolicyType[] | undefined {
  const [types, setTypes] = useState<PolicyType[] | undefined>();
  useEffect(() => {
    unwrap(api.GET('/api/v1/policy-types')).then((answer) => setTypes(answer.items), onError);
  }, [onError]);
  return types;
}

/** The JSON Schema of a type's `config` (unknown type: an empty schema, which the form edits as JSON). */
export function schemaOf(type: PolicyType | undefined): JsonSchema {
  return (type?.schema ?? {}) as JsonSchema;
}

/** `name`, or `name-2`, `name-3`…: the first one no other policy of the project has. */
export function freeId(name: string, taken: readonly string[]): string {
  if (!taken.includes(name)) return name;
  let suffix = 2;
  while (taken.includes(`${name}-${suffix}`)) suffix++;
  return `${name}-${suffix}`;
}
