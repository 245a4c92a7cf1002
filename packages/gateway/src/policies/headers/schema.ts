import { type Static, type TSchema, Type } from 'typebox';
import { HEADER_NAME_PATTERN } from '../header-names.js';

const MAX_HEADERS = 50;

// Keys are checked with propertyNames: TypeBox's Value.Default throws on a Record declared with
// `additionalProperties: false` as soon as a key does not match, instead of reporting it.
const headerMap = <T extends TSchema>(value: T, options: { description: string }) =>
  Type.Record(Type.String(), value, {
    default: {},
    maxProperties: MAX_HEADERS,
    propertyNames: { pattern: HEADER_NAME_PATTERN },
    ...options,
  });
const template = (description: string) => Type.String({ maxLength: 8_192, description });

/** Header changes, applied to the forwarded request (request flows) or to the backend's answer (response flows). */
export const HeadersSchema = Type.Object(
  {
    remove: Type.Array(Type.String({ pattern: HEADER_NAME_PATTERN, description: 'A header name to remove (any case).' }), {
      default: [],
      maxItems: MAX_HEADERS,
      description: 'Header names to remove. Applied first.',
    }),
    rename: headerMap(Type.String({ pattern: HEADER_NAME_PATTERN, description: 'The new name of the header.' }), {
      description:
        'Old name → new name, applied one after another in the order written, after remove. The value moves ' +
        'and replaces any header already under the new name; an absent header is not renamed.',
    }),
    set: headerMap(template('The value: a template such as "{client.id}".'), {
      description:
        'Name → value template: replaces every value of the header, after rename. A value that renders ' +
        'empty removes the header, so a copy the client sent never survives a set.',
    }),
    add: headerMap(template('The value to append: a template such as "v2".'), {
      description: 'Name → value template: appends one more value to the header, last. A value that renders empty adds nothing.',
    }),
  },
  { additionalProperties: false },
);
export type HeadersConfig = Static<typeof HeadersSchema>;
