import { definePolicy } from '../kit.js';
import { checkBuildMessage, createBuildMessage } from './handler.js';
import { type BuildMessageConfig, BuildMessageSchema } from './schema.js';

/** Build Message: the forwarded request or the answer rebuilt from templates. */
export const buildMessage = definePolicy<BuildMessageConfig>({
  name: 'build-message',
  description: 'Sets headers and the body of the forwarded request, or the status, headers and body of the answer, from templates.',
  priority: 450,
  flows: ['proxy-request', 'target-request', 'target-response', 'proxy-response'],
  scopes: ['project', 'resource'],
  schema: BuildMessageSchema,
  check: checkBuildMessage,
  create: createBuildMessage,
});
