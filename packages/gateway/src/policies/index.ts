import { assignVariables } from './assign-variables/index.js';
import { basicAuth } from './basic-auth/index.js';
import { buildMessage } from './build-message/index.js';
import { concurrentLimit } from './concurrent-limit/index.js';
import { cors } from './cors/index.js';
import { faultHandling } from './fault-handling/index.js';
import { headers } from './headers/index.js';
import { ipFilter } from './ip-filter/index.js';
import { jsonThreatProtection } from './json-threat-protection/index.js';
import { jsonToXml } from './json-to-xml/index.js';
import { jwt } from './jwt/index.js';
import type { PolicyDefinition } from './kit.js';
import { mockResponse } from './mock-response/index.js';
import { monetizationLimitCheck } from './monetization-limit-check/index.js';
import { quota } from './quota/index.js';
import { rateLimit } from './rate-limit/index.js';
import { regexProtection } from './regex-protection/index.js';
import { responseCache } from './response-cache/index.js';
import { rewrite } from './rewrite/index.js';
import { spikeArrest } from './spike-arrest/index.js';
import { validateJson } from './validate-json/index.js';
import { validateOpenApi } from './validate-openapi/index.js';
import { verifyAccessToken } from './verify-access-token/index.js';
import { verifyApiKey } from './verify-api-key/index.js';
import { xmlThreatProtection } from './xml-threat-protection/index.js';
import { xmlToJson } from './xml-to-json/index.js';

/**
 * Every policy type, in the order they run within a flow and scope (ascending priority:
 * access, authentication, traffic control, security, transformation). One explicit list: a
 * test checks that each entry's name equals its folder and that the order is pinned.
 */
export const POLICIES: ReadonlyArray<PolicyDefinition<unknown>> = [
  ipFilter,
  cors,
  verifyApiKey,
  verifyAccessToken,
  jwt,
  basicAuth,
  monetizationLimitCheck,
  spikeArrest,
  rateLimit,
  quota,
  concurrentLimit,
  jsonThreatProtection,
  xmlThreatProtection,
  regexProtection,
  validateJson,
  validateOpenApi,
  rewrite,
  assignVariables,
  headers,
  xmlToJson,
  jsonToXml,
  buildMessage,
  responseCache,
  mockResponse,
  faultHandling,
] as ReadonlyArray<PolicyDefinition<never>> as ReadonlyArray<PolicyDefinition<unknown>>;

/** Policy types by name. */
export const POLICIES_BY_NAME: ReadonlyMap<string, PolicyDefinition<unknown>> = new Map(POLICIES.map((policy) => [policy.name, policy]));
