import { Type } from 'typebox';

/**
 * Identifier of any entity: a lower-case slug, given on create or generated.
 * The same shape everywhere so that ids can travel in URLs without escaping.
 */
export const IdSchema = Type.String({
  pattern: '^[a-z0-9][a-z0-9._-]{0,63}$',
  description: 'Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters.',
});

/** An ISO 8601 UTC timestamp, as every entity reports its times. */
export const TimestampSchema = Type.String({ format: 'date-time', description: 'ISO 8601 UTC time.' });

/** A display name. */
export const NameSchema = Type.String({ minLength: 1, maxLength: 200, description: 'Display name.' });

/** Free text. */
export const DescriptionSchema = Type.String({ maxLength: 4000, description: 'Free text.' });

/** An e-mail address (RFC 5322 simplified: one "@", a dotted domain, no spaces). */
export const EmailSchema = Type.String({
  format: 'email',
  maxLength: 254,
  description: 'E-mail address.',
});

/** String key/value attributes, bounded so a row stays small. */
export const AttributesSchema = Type.Record(Type.String({ minLength: 1, maxLength: 100 }), Type.String({ maxLength: 2000 }), {
  maxProperties: 100,
  description: 'Name → value pairs (at most 100).',
});

/** Fields every stored entity carries. */
export const AuditFieldsSchema = {
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
};

/** A page of a list: the items and the cursor of the next page (null on the last page). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Where a list starts and how long it is. */
export interface PageRequest {
  /** 1…100. */
  limit: number;
  /** Opaque cursor from the previous page. */
  cursor?: string | undefined;
}

/** Largest page a list returns. */
export const MAX_PAGE_SIZE = 100;
/** Page size when the caller names none. */
export const DEFAULT_PAGE_SIZE = 20;
