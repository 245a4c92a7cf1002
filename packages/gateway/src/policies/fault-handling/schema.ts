import { ERROR_CATALOGUE } from '@tollgate/domain';
import { type Static, Type } from 'typebox';
import { HEADER_NAME_PATTERN } from '../header-names.js';

const CODES = Object.keys(ERROR_CATALOGUE) as Array<keyof typeof ERROR_CATALOGUE>;

/** One custom answer and the error codes it is given for. */
export const FaultRuleSchema = Type.Object(
  {
    codes: Type.Array(Type.Enum(CODES, { description: 'An error code of the catalogue, e.g. "RATE_LIMITED".' }), {
      default: [],
      maxItems: CODES.length,
      uniqueItems: true,
      description: 'Error codes this answer is given for; empty (default): every code.',
    }),
    status: Type.Optional(
      Type.Integer({
        minimum: 200,
        maximum: 599,
        description: "Status of the answer; absent: the error's own status (429 for RATE_LIMITED).",
      }),
    ),
    headers: Type.Record(Type.String(), Type.String({ maxLength: 8_192, description: 'The value: a template such as "{error.code}".' }), {
      default: {},
      maxProperties: 50,
      propertyNames: { pattern: HEADER_NAME_PATTERN },
      description: "Name → value template of the answer's headers; they win over the error's own (Retry-After …).",
    }),
    body: Type.Union([Type.String({ maxLength: 1_048_576 }), Type.Record(Type.String(), Type.Unknown()), Type.Array(Type.Unknown())], {
      default: '',
      description:
        'A string template, or a JSON object or array whose string values are templates (results stay JSON strings). ' +
        'Templates may use {error.code}, {error.status}, {error.title}, {error.detail} and every request name.',
    }),
    contentType: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        pattern: '^[\\x21-\\x7e][\\x20-\\x7e]*$',
        description: 'Content-Type of the answer; absent: application/json for a JSON body, text/plain; charset=utf-8 for a string.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type FaultRule = Static<typeof FaultRuleSchema>;

/** Custom answers for the errors of a route, tried in order. */
export const FaultHandlingSchema = Type.Object(
  {
    rules: Type.Array(FaultRuleSchema, {
      minItems: 1,
      maxItems: 50,
      description: 'Custom answers, tried in order: the first whose codes include the error answers it.',
    }),
  },
  { additionalProperties: false },
);
export type FaultHandlingConfig = Static<typeof FaultHandlingSchema>;
