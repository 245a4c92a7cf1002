import { definePolicy } from '../kit.js';
import { checkValidateOpenApi, createValidateOpenApi } from './handler.js';
import { type ValidateOpenApiConfig, ValidateOpenApiSchema } from './schema.js';

/** Validate OpenAPI: requests must be operations of an OpenAPI 3.0/3.1 document, with valid parameters and bodies. */
export const validateOpenApi = definePolicy<ValidateOpenApiConfig>({
  name: 'validate-openapi',
  description:
    'Checks requests against an OpenAPI 3.0/3.1 document: the operation exists (404/405), path, query and header parameters and the JSON body match their schemas (400 VALIDATION_FAILED).',
  priority: 340,
  flows: ['proxy-request'],
  scopes: ['project', 'resource'],
  schema: ValidateOpenApiSchema,
  check: checkValidateOpenApi,
  create: createValidateOpenApi,
});
