import type { PolicyDefinition } from './kit.js';
import { verifyApiKey } from './verify-api-key/index.js';

/**
 * Every policy type, in the order they run within a flow and scope (by priority). One explicit
 * list: a test checks that each entry's name equals its folder and that the order is pinned.
 */
export const POLICIES: ReadonlyArray<PolicyDefinition<unknown>> = [verifyApiKey as PolicyDefinition<unknown>];

/** Policy types by name. */
export const POLICIES_BY_NAME: ReadonlyMap<string, PolicyDefinition<unknown>> = new Map(POLICIES.map((policy) => [policy.name, policy]));
