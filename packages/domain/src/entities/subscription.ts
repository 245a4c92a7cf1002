import { type Static, Type } from 'typebox';
import { AttributesSchema, AuditFieldsSchema, DescriptionSchema, IdSchema, NameSchema, TimestampSchema } from './common.js';

export const SubscriptionStatusSchema = Type.Enum(['active', 'pending', 'revoked']);
export const KeyStatusSchema = Type.Enum(['approved', 'pending', 'revoked'], {
  description: 'Approval state of the product key: pending until approved when the product wants manual approval.',
});
export type KeyStatus = Static<typeof KeyStatusSchema>;

/** One subscribed product of a subscription, with its key as far as it may be shown again. */
export const SubscriptionProductSchema = Type.Object(
  {
    productId: IdSchema,
    status: KeyStatusSchema,
    keyPrefix: Type.String({ description: 'The first characters of the consumer key, to recognise it.' }),
    ratePlanId: Type.Union([IdSchema, Type.Null()]),
    createdAt: TimestampSchema,
    keyIssuedAt: TimestampSchema,
    previousKeyExpiresAt: Type.Union([TimestampSchema, Type.Null()], {
      description: 'After a regeneration with a grace period: until when the previous key still works.',
    }),
  },
  { additionalProperties: false },
);
export type SubscriptionProduct = Static<typeof SubscriptionProductSchema>;

/** The same entry in the one response that issued its key: the full key and secret, shown once. */
export const IssuedSubscriptionProductSchema = Type.Object(
  {
    ...SubscriptionProductSchema.properties,
    consumerKey: Type.Optional(Type.String({ description: 'Shown only in the response that issued it.' })),
    consumerSecret: Type.Optional(Type.String({ description: 'Shown only in the response that issued it.' })),
  },
  { additionalProperties: false },
);
export type IssuedSubscriptionProduct = Static<typeof IssuedSubscriptionProductSchema>;

/** A client's application: the products it subscribes to, one key pair each. */
export const SubscriptionSchema = Type.Object(
  {
    id: IdSchema,
    name: NameSchema,
    clientId: IdSchema,
    status: SubscriptionStatusSchema,
    description: DescriptionSchema,
    redirectUri: Type.Union([Type.String({ format: 'uri', maxLength: 2000 }), Type.Null()], { description: 'OAuth redirect URI.' }),
    properties: AttributesSchema,
    products: Type.Array(SubscriptionProductSchema),
    ...AuditFieldsSchema,
  },
  { additionalProperties: false },
);
export type Subscription = Static<typeof SubscriptionSchema>;

/** A subscription in a response that issued keys. */
export const IssuedSubscriptionSchema = Type.Object(
  { ...SubscriptionSchema.properties, products: Type.Array(IssuedSubscriptionProductSchema) },
  { additionalProperties: false },
);
export type IssuedSubscription = Static<typeof IssuedSubscriptionSchema>;

export const SubscriptionProductInputSchema = Type.Object(
  { productId: IdSchema, ratePlanId: Type.Optional(Type.Union([IdSchema, Type.Null()])) },
  { additionalProperties: false },
);
export type SubscriptionProductInput = Static<typeof SubscriptionProductInputSchema>;

const ProductInputsSchema = Type.Array(SubscriptionProductInputSchema, {
  maxItems: 100,
  description: 'Subscribed products. On update the list replaces the current one: new products get keys, missing ones are removed.',
});

export const SubscriptionCreateSchema = Type.Object(
  {
    id: Type.Optional(IdSchema),
    name: NameSchema,
    clientId: IdSchema,
    status: Type.Optional(SubscriptionStatusSchema),
    description: Type.Optional(DescriptionSchema),
    redirectUri: Type.Optional(SubscriptionSchema.properties.redirectUri),
    properties: Type.Optional(AttributesSchema),
    products: ProductInputsSchema,
  },
  { additionalProperties: false },
);
export type SubscriptionCreate = Static<typeof SubscriptionCreateSchema>;

export const SubscriptionUpdateSchema = Type.Object(
  {
    name: Type.Optional(NameSchema),
    status: Type.Optional(SubscriptionStatusSchema),
    description: Type.Optional(DescriptionSchema),
    redirectUri: Type.Optional(SubscriptionSchema.properties.redirectUri),
    properties: Type.Optional(AttributesSchema),
    products: Type.Optional(ProductInputsSchema),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type SubscriptionUpdate = Static<typeof SubscriptionUpdateSchema>;

export const RegenerateKeySchema = Type.Object(
  {
    graceSeconds: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 90 * 24 * 3600, description: 'How long the previous key keeps working (default 0).' }),
    ),
  },
  { additionalProperties: false },
);
export type RegenerateKey = Static<typeof RegenerateKeySchema>;

/** What the store keeps of a subscribed product: the public fields plus digests, never a raw key. */
export interface SubscriptionProductRecord extends SubscriptionProduct {
  keyDigest: string;
  secretDigest: string;
  previousKeyDigest: string | null;
}

/** A subscription as stored. */
export interface SubscriptionRecord extends Omit<Subscription, 'products'> {
  products: SubscriptionProductRecord[];
}
