import { type Static, Type } from 'typebox';
import { HEADER_NAME_PATTERN } from '../header-names.js';

/** A message built from templates: the forwarded request, or the answer. */
export const BuildMessageSchema = Type.Object(
  {
    status: Type.Optional(
      Type.Integer({
        minimum: 200,
        maximum: 599,
        description: 'Response flows only: the status of the answer (200 to 599); absent: unchanged.',
      }),
    ),
    headers: Type.Record(
      Type.String(),
      Type.String({ maxLength: 8_192, description: 'The value: a template such as "{variable.region}".' }),
      {
        default: {},
        maxProperties: 50,
        propertyNames: { pattern: HEADER_NAME_PATTERN },
        description: 'Name → value template, set (replacing the header); a value that renders empty removes the header.',
      },
    ),
    body: Type.Optional(
      Type.Union([Type.String({ maxLength: 1_048_576 }), Type.Record(Type.String(), Type.Unknown()), Type.Array(Type.Unknown())], {
        description:
          'The new body: a string template, or a JSON object or array whose string values are templates (results stay ' +
          'JSON strings). Absent: the body is unchanged.',
      }),
    ),
    contentType: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        pattern: '^[\\x21-\\x7e][\\x20-\\x7e]*$',
        description: 'Content-Type of the new body; absent: application/json for a JSON body, unchanged for a string body.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type BuildMessageConfig = Static<typeof BuildMessageSchema>;
