import { type Static, Type } from 'typebox';
import { AuditFieldsSchema, DescriptionSchema, IdSchema, NameSchema } from './common.js';

export const QUOTA_UNITS = ['minute', 'hour', 'day', 'month'] as const;

/** Calls allowed per calendar period for each subscribed key of the product. */
export const QuotaSchema = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 1_000_000_000_000, description: 'Calls allowed per period.' }),
    unit: Type.Enum(QUOTA_UNITS, { description: 'Calendar period (UTC).' }),
  },
  { additionalProperties: false },
);
export type Quota = Static<typeof QuotaSchema>;

const IdListSchema = (description: string) => Type.Array(IdSchema, { uniqueItems: true, maxItems: 1000, description });

/** A bundle of API projects offered to clients in some server groups. */
export const ProductSchema = Type.Object(
  {
    id: IdSchema,
    name: NameSchema,
    description: DescriptionSchema,
    serverGroupIds: IdListSchema('Server groups the product is offered in.'),
    access: Type.Enum(['public', 'private'], {
      description: 'Public products are listed in the developer portal.',
    }),
    keyApproval: Type.Enum(['automatic', 'manual'], {
      description: 'Manual: a new key stays pending until an administrator approves it.',
    }),
    scopes: Type.Array(Type.String({ pattern: '^[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,100}$' }), {
      uniqueItems: true,
      maxItems: 100,
      description: 'OAuth scopes granted to tokens of the product.',
    }),
    quota: Type.Union([QuotaSchema, Type.Null()]),
    projectIds: IdListSchema('API projects in the product.'),
    ...AuditFieldsSchema,
  },
  { additionalProperties: false },
);
export type Product = Static<typeof ProductSchema>;

export const ProductCreateSchema = Type.Object(
  {
    id: Type.Optional(IdSchema),
    name: NameSchema,
    description: Type.Optional(DescriptionSchema),
    serverGroupIds: Type.Optional(ProductSchema.properties.serverGroupIds),
    access: Type.Optional(ProductSchema.properties.access),
    keyApproval: Type.Optional(ProductSchema.properties.keyApproval),
    scopes: Type.Optional(ProductSchema.properties.scopes),
    quota: Type.Optional(ProductSchema.properties.quota),
    projectIds: Type.Optional(ProductSchema.properties.projectIds),
  },
  { additionalProperties: false },
);
export type ProductCreate = Static<typeof ProductCreateSchema>;

export const ProductUpdateSchema = Type.Object(
  {
    name: Type.Optional(NameSchema),
    description: Type.Optional(DescriptionSchema),
    serverGroupIds: Type.Optional(ProductSchema.properties.serverGroupIds),
    access: Type.Optional(ProductSchema.properties.access),
    keyApproval: Type.Optional(ProductSchema.properties.keyApproval),
    scopes: Type.Optional(ProductSchema.properties.scopes),
    quota: Type.Optional(ProductSchema.properties.quota),
    projectIds: Type.Optional(ProductSchema.properties.projectIds),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ProductUpdate = Static<typeof ProductUpdateSchema>;
