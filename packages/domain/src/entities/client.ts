import { type Static, Type } from 'typebox';
import { AttributesSchema, AuditFieldsSchema, EmailSchema, IdSchema, NameSchema } from './common.js';

/** An API consumer, identified by a unique e-mail. An inactive client's keys stop working. */
export const ClientSchema = Type.Object(
  {
    id: IdSchema,
    email: EmailSchema,
    name: NameSchema,
    status: Type.Enum(['active', 'inactive']),
    organizationId: Type.Union([IdSchema, Type.Null()], { description: 'The organization the client belongs to, if any.' }),
    attributes: AttributesSchema,
    ...AuditFieldsSchema,
  },
  { additionalProperties: false },
);
export type Client = Static<typeof ClientSchema>;
export type ClientStatus = Client['status'];

export const ClientCreateSchema = Type.Object(
  {
    id: Type.Optional(IdSchema),
    email: EmailSchema,
    name: NameSchema,
    status: Type.Optional(ClientSchema.properties.status),
    organizationId: Type.Optional(ClientSchema.properties.organizationId),
    attributes: Type.Optional(AttributesSchema),
  },
  { additionalProperties: false },
);
export type ClientCreate = Static<typeof ClientCreateSchema>;

export const ClientUpdateSchema = Type.Object(
  {
    email: Type.Optional(EmailSchema),
    name: Type.Optional(NameSchema),
    status: Type.Optional(ClientSchema.properties.status),
    organizationId: Type.Optional(ClientSchema.properties.organizationId),
    attributes: Type.Optional(AttributesSchema),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ClientUpdate = Static<typeof ClientUpdateSchema>;
