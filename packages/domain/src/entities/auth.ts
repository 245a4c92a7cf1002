import { type Static, Type } from 'typebox';
import { IdSchema, NameSchema, TimestampSchema } from './common.js';
import { PermissionSchema } from './permission.js';
import { UsernameSchema } from './user.js';

/** `POST /api/v1/auth/login`. */
export const LoginSchema = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type Login = Static<typeof LoginSchema>;

/** A session: its bearer token (shown once) and when it stops working. */
export const SessionSchema = Type.Object(
  { token: Type.String({ description: 'Send as `Authorization: Bearer <token>`; shown once.' }), expiresAt: TimestampSchema },
  { additionalProperties: false },
);
export type Session = Static<typeof SessionSchema>;

/** Who a request acts as. */
export const WhoAmISchema = Type.Object(
  {
    username: Type.Union([UsernameSchema, Type.Null()], { description: 'null for the bootstrap admin token.' }),
    displayName: Type.String(),
    groups: Type.Array(IdSchema, { description: 'Every group the user is in, nested ones included (everyone first).' }),
    administrator: Type.Boolean({ description: 'Member of Administrators (or the bootstrap token).' }),
    permissions: Type.Array(PermissionSchema, { description: "Effective global permissions: the user's and its groups'." }),
    via: Type.Enum(['bootstrap-token', 'session', 'api-token']),
  },
  { additionalProperties: false },
);
export type WhoAmI = Static<typeof WhoAmISchema>;

/** `POST /api/v1/users/{username}/tokens`: a personal API token for scripts. */
export const ApiTokenCreateSchema = Type.Object(
  {
    name: NameSchema,
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650, description: 'Default: never expires.' })),
  },
  { additionalProperties: false },
);
export type ApiTokenCreate = Static<typeof ApiTokenCreateSchema>;

/** A personal API token as listed: never the token itself. */
export const ApiTokenSchema = Type.Object(
  {
    id: IdSchema,
    name: NameSchema,
    prefix: Type.String({ description: 'The first characters of the token, to recognise it.' }),
    createdAt: TimestampSchema,
    expiresAt: Type.Union([TimestampSchema, Type.Null()]),
  },
  { additionalProperties: false },
);
export type ApiToken = Static<typeof ApiTokenSchema>;

/** A personal API token when created: the token is shown this once. */
export const IssuedApiTokenSchema = Type.Object(
  { ...ApiTokenSchema.properties, token: Type.String({ description: 'Shown once; only its digest is stored.' }) },
  { additionalProperties: false },
);
export type IssuedApiToken = Static<typeof IssuedApiTokenSchema>;

/** How long a login session lasts. */
export const SESSION_HOURS = 8;
