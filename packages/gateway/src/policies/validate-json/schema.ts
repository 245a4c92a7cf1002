import { type Static, Type } from 'typebox';

/** The JSON Schema request or response bodies must match. */
export const ValidateJsonSchema = Type.Object(
  {
    schema: Type.Record(Type.String(), Type.Unknown(), {
      description:
        'JSON Schema (draft-07 by default; 2019-09 or 2020-12 when $schema says so) the JSON body must match. ' +
        '$ref must point inside this schema (#/definitions/…, #/$defs/…); remote references are not fetched.',
    }),
  },
  { additionalProperties: false },
);
export type ValidateJsonConfig = Static<typeof ValidateJsonSchema>;
