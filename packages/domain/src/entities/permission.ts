import { type Static, Type } from 'typebox';
import { IdSchema } from './common.js';

/**
 * Global permissions. VIEW/MODIFY pairs per kind of object (projects also DEPLOY), plus
 * LOGIN, MANAGE_USERS_AND_GROUPS, MANAGE_PERMISSIONS, VIEW_AUDIT_LOG, and VIEW_BILLING / MANAGE_BILLING
 * (invoices, rating runs, top-ups, the monetization report). MODIFY does not imply VIEW: grant both.
 */
export const PERMISSIONS = [
  'LOGIN',
  'MANAGE_USERS_AND_GROUPS',
  'MANAGE_PERMISSIONS',
  'VIEW_AUDIT_LOG',
  'VIEW_PROJECTS',
  'MODIFY_PROJECTS',
  'DEPLOY_PROJECTS',
  'VIEW_SERVER_GROUPS',
  'MODIFY_SERVER_GROUPS',
  'VIEW_PRODUCTS',
  'MODIFY_PRODUCTS',
  'VIEW_CLIENTS',
  'MODIFY_CLIENTS',
  'VIEW_SUBSCRIPTIONS',
  'MODIFY_SUBSCRIPTIONS',
  'VIEW_ORGANIZATIONS',
  'MODIFY_ORGANIZATIONS',
  'VIEW_ANALYTICS',
  'VIEW_TRACE',
  'MODIFY_TRACE',
  'VIEW_BILLING',
  'MANAGE_BILLING',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const PermissionSchema = Type.Enum(PERMISSIONS);

/** Who a grant is for: a user (by username) or a group. */
export const PrincipalRefSchema = Type.Object({ type: Type.Enum(['user', 'group']), id: IdSchema }, { additionalProperties: false });
export type PrincipalRef = Static<typeof PrincipalRefSchema>;

/** The global permissions granted to one principal. */
export const PermissionGrantSchema = Type.Object(
  {
    principal: PrincipalRefSchema,
    permissions: Type.Array(PermissionSchema, { uniqueItems: true, maxItems: PERMISSIONS.length }),
  },
  { additionalProperties: false },
);
export type PermissionGrant = Static<typeof PermissionGrantSchema>;

/** `PUT /api/v1/permissions/{type}/{id}`: the principal's global permissions, replaced whole. */
export const PermissionGrantUpdateSchema = Type.Object(
  { permissions: PermissionGrantSchema.properties.permissions },
  { additionalProperties: false },
);
export type PermissionGrantUpdate = Static<typeof PermissionGrantUpdateSchema>;

/** What the built-in groups hold after the first start. */
export const DEFAULT_GRANTS: ReadonlyArray<{ groupId: string; permissions: readonly Permission[] }> = [
  { groupId: 'everyone', permissions: ['LOGIN'] },
  { groupId: 'administrators', permissions: PERMISSIONS },
  {
    groupId: 'api-users',
    permissions: [
      'VIEW_PROJECTS',
      'MODIFY_PROJECTS',
      'VIEW_SERVER_GROUPS',
      'VIEW_PRODUCTS',
      'VIEW_CLIENTS',
      'VIEW_SUBSCRIPTIONS',
      'VIEW_ORGANIZATIONS',
      'VIEW_ANALYTICS',
      'VIEW_TRACE',
    ],
  },
];
