import { type Static, Type } from 'typebox';

/**
 * No settings: what a call may do follows from its subscription's rate plans and balances, which
 * the management server owns; a knob here could only let an API owner bill calls nobody pays for.
 */
export const MonetizationLimitCheckSchema = Type.Object({}, { additionalProperties: false });
/** The (empty) configuration `create` receives. */
export type MonetizationLimitCheckConfig = Static<typeof MonetizationLimitCheckSchema>;
