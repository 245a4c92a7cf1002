import { type Static, Type } from 'typebox';
import type { Permission } from './permission.js';
import { PrincipalRefSchema } from './permission.js';

/** The kinds of object that carry their own permissions (a Permissions tab). */
export const OBJECT_TYPES = ['project', 'product', 'client', 'subscription', 'organization'] as const;
export type ObjectType = (typeof OBJECT_TYPES)[number];

/** What an object-level entry can decide: view and modify everywhere, deploy on projects only. */
export const OBJECT_RIGHTS = ['view', 'modify', 'deploy'] as const;
export type ObjectRight = (typeof OBJECT_RIGHTS)[number];

/** An entry's word on one right: `allow` grants it, `deny` removes it, `inherit` leaves it to the next level. */
export const ObjectRightValueSchema = Type.Enum(['allow', 'deny', 'inherit'], {
  description: '`allow` grants the right on this object, `deny` removes it, `inherit` leaves it to the next level of the rule.',
});
export type ObjectRightValue = Static<typeof ObjectRightValueSchema>;

/** One principal's rights on one object. */
export const ObjectPermissionEntrySchema = Type.Object(
  {
    principal: PrincipalRefSchema,
    view: ObjectRightValueSchema,
    modify: ObjectRightValueSchema,
    deploy: Type.Optional({ ...ObjectRightValueSchema, description: 'Projects only; `inherit` when left out.' }),
  },
  { additionalProperties: false },
);
export type ObjectPermissionEntry = Static<typeof ObjectPermissionEntrySchema>;

/** Most entries one object holds. */
export const MAX_OBJECT_PERMISSION_ENTRIES = 500;

/** `GET` and `PUT /api/v1/{projects|products|clients|subscriptions|organizations}/{id}/permissions`. */
export const ObjectPermissionsSchema = Type.Object(
  { entries: Type.Array(ObjectPermissionEntrySchema, { maxItems: MAX_OBJECT_PERMISSION_ENTRIES }) },
  { additionalProperties: false },
);
export type ObjectPermissions = Static<typeof ObjectPermissionsSchema>;

/** One stored entry, as read for a decision: which object, whose, and its word on each right. */
export interface StoredObjectEntry extends ObjectPermissionEntry {
  objectType: ObjectType;
  objectId: string;
}

/** The global permission each object right falls back to. */
export const GLOBAL_PERMISSION_OF: { readonly [T in ObjectType]: { readonly [R in ObjectRight]?: Permission } } = {
  project: { view: 'VIEW_PROJECTS', modify: 'MODIFY_PROJECTS', deploy: 'DEPLOY_PROJECTS' },
  product: { view: 'VIEW_PRODUCTS', modify: 'MODIFY_PRODUCTS' },
  client: { view: 'VIEW_CLIENTS', modify: 'MODIFY_CLIENTS' },
  subscription: { view: 'VIEW_SUBSCRIPTIONS', modify: 'MODIFY_SUBSCRIPTIONS' },
  organization: { view: 'VIEW_ORGANIZATIONS', modify: 'MODIFY_ORGANIZATIONS' },
};

/** The object type and right a global permission stands for on one object, if it stands for one. */
export function objectRightOf(permission: Permission): { type: ObjectType; right: ObjectRight } | undefined {
  for (const type of OBJECT_TYPES) {
    for (const [right, global] of Object.entries(GLOBAL_PERMISSION_OF[type])) {
      if (global === permission) return { type, right: right as ObjectRight };
    }
  }
  return undefined;
}
