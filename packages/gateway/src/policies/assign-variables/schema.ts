import { type Static, Type } from 'typebox';
import { VARIABLE_NAME_PATTERN } from '../variables.js';

/** Named values computed from the call, for the templates of later policies. */
export const AssignVariablesSchema = Type.Object(
  {
    variables: Type.Record(
      Type.String(),
      Type.String({ maxLength: 8_192, description: 'The value: a template such as "{request.header.x-region|lower}".' }),
      {
        // propertyNames, not additionalProperties: false — TypeBox's Value.Default throws on the latter.
        propertyNames: { pattern: VARIABLE_NAME_PATTERN },
        minProperties: 1,
        maxProperties: 50,
        description:
          'Name → value template, set in the order written (a later value may use an earlier one). Later ' +
          'policies read them as {variable.<name>}. Names: a letter, then letters, digits, _ or - (at most 64).',
      },
    ),
  },
  { additionalProperties: false },
);
export type AssignVariablesConfig = Static<typeof AssignVariablesSchema>;
