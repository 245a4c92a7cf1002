import { type Static, Type } from 'typebox';
import { HEADER_NAME_PATTERN } from '../header-names.js';

/** The answer given instead of calling the backend. */
export const MockResponseSchema = Type.Object(
  {
    status: Type.Integer({ minimum: 200, maximum: 599, default: 200, description: 'HTTP status of the answer (200 to 599). Default 200.' }),
    headers: Type.Record(Type.String(), Type.String({ maxLength: 8_192, description: 'The value: a template such as "{request.id}".' }), {
      default: {},
      maxProperties: 50,
      propertyNames: { pattern: HEADER_NAME_PATTERN },
      description: 'Name → value template of the answer\'s headers. A "content-type" here wins over the default one.',
    }),
    body: Type.Union([Type.String({ maxLength: 1_048_576 }), Type.Record(Type.String(), Type.Unknown()), Type.Array(Type.Unknown())], {
      default: '',
      description:
        'A string (a template; sent as text/plain; charset=utf-8 unless headers say otherwise), or a JSON object or ' +
        'array sent as application/json; its string values are templates whose results stay JSON strings.',
    }),
  },
  { additionalProperties: false },
);
export type MockResponseConfig = Static<typeof MockResponseSchema>;
