import { definePolicy } from '../kit.js';
import { checkValidateJson, createValidateJson } from './handler.js';
import { type ValidateJsonConfig, ValidateJsonSchema } from './schema.js';

/** Validate JSON: request bodies (400) or the backend's answers (502) against a JSON Schema. */
export const validateJson = definePolicy<ValidateJsonConfig>({
  name: 'validate-json',
  description:
    "Validates JSON bodies against a JSON Schema: request bodies in proxy-request (400 VALIDATION_FAILED), the backend's 2xx answers in the response flows (502 UPSTREAM_UNAVAILABLE).",
  priority: 330,
  flows: ['proxy-request', 'target-response', 'proxy-response'],
  scopes: ['project', 'resource'],
  schema: ValidateJsonSchema,
  check: checkValidateJson,
  create: createValidateJson,
});
