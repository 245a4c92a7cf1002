import { definePolicy } from '../kit.js';
import { checkMockResponse, createMockResponse } from './handler.js';
import { type MockResponseConfig, MockResponseSchema } from './schema.js';

/** Mock Response: a fixed (templated) answer instead of the backend's, for prototypes and tests. */
export const mockResponse = definePolicy<MockResponseConfig>({
  name: 'mock-response',
  description: 'Answers with a configured status, headers and body without calling the backend.',
  priority: 470,
  flows: ['proxy-request'],
  scopes: ['project', 'resource'],
  schema: MockResponseSchema,
  check: checkMockResponse,
  create: createMockResponse,
});
