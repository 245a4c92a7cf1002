import { definePolicy } from '../kit.js';
import { checkFaultHandling, createFaultHandling } from './handler.js';
import { type FaultHandlingConfig, FaultHandlingSchema } from './schema.js';

/** Fault Handling: the route's own error answers (format, status, headers) per error code. */
export const faultHandling = definePolicy<FaultHandlingConfig>({
  name: 'fault-handling',
  description: "Replaces the gateway's problem+json error answers with custom ones, per error code.",
  priority: 480,
  flows: ['proxy-request'],
  scopes: ['project', 'resource'],
  schema: FaultHandlingSchema,
  check: checkFaultHandling,
  create: createFaultHandling,
});
