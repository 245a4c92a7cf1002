import { type Static, Type } from 'typebox';
import { AuditFieldsSchema, DescriptionSchema, EmailSchema, IdSchema, NameSchema } from './common.js';

/** A user's login name: the id in URLs (`/users/{username}`) and in permission principals. */
export const UsernameSchema = Type.String({
  pattern: '^[a-z0-9][a-z0-9._-]{0,63}$',
  description: 'Lower-case letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters.',
});

/** Passwords: at least 10 characters (length beats composition rules), at most 200. */
export const PasswordSchema = Type.String({
  minLength: 10,
  maxLength: 200,
  description: '10 to 200 characters; stored only as a scrypt hash.',
});

/** A person who administers Tollgate. The password is never returned. */
export const UserSchema = Type.Object(
  {
    username: UsernameSchema,
    displayName: NameSchema,
    email: EmailSchema,
    status: Type.Enum(['active', 'disabled'], { description: 'A disabled user cannot log in; their sessions and tokens stop working.' }),
    groups: Type.Array(IdSchema, {
      description: 'The groups the user is a direct member of (`everyone` always, implicitly); groups nested in them count too.',
    }),
    ...AuditFieldsSchema,
  },
  { additionalProperties: false },
);
export type User = Static<typeof UserSchema>;

export const UserCreateSchema = Type.Object(
  {
    username: UsernameSchema,
    displayName: NameSchema,
    email: EmailSchema,
    password: PasswordSchema,
    groups: Type.Optional(Type.Array(IdSchema, { uniqueItems: true, maxItems: 100, description: 'Groups to add the user to.' })),
  },
  { additionalProperties: false },
);
export type UserCreate = Static<typeof UserCreateSchema>;

export const UserUpdateSchema = Type.Object(
  {
    displayName: Type.Optional(NameSchema),
    email: Type.Optional(EmailSchema),
    status: Type.Optional(UserSchema.properties.status),
    password: Type.Optional(PasswordSchema),
    groups: Type.Optional(Type.Array(IdSchema, { uniqueItems: true, maxItems: 100, description: 'Replaces the direct memberships.' })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UserUpdate = Static<typeof UserUpdateSchema>;

/** Who a group holds: users by username, and other groups (nesting; no cycles). */
export const GroupMembersSchema = Type.Object(
  {
    users: Type.Array(UsernameSchema, { uniqueItems: true, maxItems: 10_000 }),
    groups: Type.Array(IdSchema, { uniqueItems: true, maxItems: 1_000 }),
  },
  { additionalProperties: false },
);
export type GroupMembers = Static<typeof GroupMembersSchema>;

/** A named set of users and groups, to grant permissions to many at once. */
export const GroupSchema = Type.Object(
  {
    id: IdSchema,
    name: NameSchema,
    description: DescriptionSchema,
    members: GroupMembersSchema,
    builtIn: Type.Boolean({ description: 'Everyone, Administrators and API Users: cannot be deleted; Everyone has no editable members.' }),
    ...AuditFieldsSchema,
  },
  { additionalProperties: false },
);
export type Group = Static<typeof GroupSchema>;

export const GroupCreateSchema = Type.Object(
  {
    id: Type.Optional(IdSchema),
    name: NameSchema,
    description: Type.Optional(DescriptionSchema),
    members: Type.Optional(
      Type.Object(
        { users: Type.Optional(GroupMembersSchema.properties.users), groups: Type.Optional(GroupMembersSchema.properties.groups) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type GroupCreate = Static<typeof GroupCreateSchema>;

export const GroupUpdateSchema = Type.Object(
  {
    name: Type.Optional(NameSchema),
    description: Type.Optional(DescriptionSchema),
    members: Type.Optional(GroupCreateSchema.properties.members),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type GroupUpdate = Static<typeof GroupUpdateSchema>;

/** The group every user belongs to, implicitly. */
export const EVERYONE = 'everyone';
/** The group holding every permission. */
export const ADMINISTRATORS = 'administrators';
/** The group that views everything and modifies projects. */
export const API_USERS = 'api-users';

/** The groups that exist after the first start. */
export const DEFAULT_GROUPS: ReadonlyArray<{ id: string; name: string; description: string }> = [
  { id: EVERYONE, name: 'Everyone', description: 'Every user, implicitly. Holds only LOGIN unless an administrator grants it more.' },
  { id: ADMINISTRATORS, name: 'Administrators', description: 'Every permission.' },
  { id: API_USERS, name: 'API Users', description: 'View everything; modify projects.' },
];
