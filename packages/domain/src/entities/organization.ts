import { type Static, Type } from 'typebox';
import { AuditFieldsSchema, EmailSchema, IdSchema, NameSchema } from './common.js';

/**
 * A group of clients. Organizations form a tree: a root organization offers any product,
 * a sub-organization only products of its parent.
 */
export const OrganizationSchema = Type.Object(
  {
    id: IdSchema,
    name: NameSchema,
    administrators: Type.Array(EmailSchema, {
      uniqueItems: true,
      maxItems: 100,
      description: 'E-mails of the clients who administer the organization; the first is the primary.',
    }),
    parentId: Type.Union([IdSchema, Type.Null()], { description: 'Parent organization; fixed at creation.' }),
    productIds: Type.Array(IdSchema, { uniqueItems: true, maxItems: 1000, description: 'Products its clients may subscribe to.' }),
    ...AuditFieldsSchema,
  },
  { additionalProperties: false },
);
export type Organization = Static<typeof OrganizationSchema>;

export const OrganizationCreateSchema = Type.Object(
  {
    id: Type.Optional(IdSchema),
    name: NameSchema,
    administrators: Type.Optional(OrganizationSchema.properties.administrators),
    parentId: Type.Optional(OrganizationSchema.properties.parentId),
    productIds: Type.Optional(OrganizationSchema.properties.productIds),
  },
  { additionalProperties: false },
);
export type OrganizationCreate = Static<typeof OrganizationCreateSchema>;

export const OrganizationUpdateSchema = Type.Object(
  {
    name: Type.Optional(NameSchema),
    administrators: Type.Optional(OrganizationSchema.properties.administrators),
    /** Accepted only when unchanged: the parent is immutable. */
    parentId: Type.Optional(OrganizationSchema.properties.parentId),
    productIds: Type.Optional(OrganizationSchema.properties.productIds),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type OrganizationUpdate = Static<typeof OrganizationUpdateSchema>;
