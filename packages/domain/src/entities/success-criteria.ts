import { type Static, Type } from 'typebox';

const StatusSchema = Type.Integer({ minimum: 100, maximum: 599 });

/** Which of a product's responses are billable transactions. */
export const SuccessCriteriaSchema = Type.Object(
  {
    statuses: Type.Array(Type.Object({ from: StatusSchema, to: StatusSchema }, { additionalProperties: false }), {
      minItems: 1,
      maxItems: 20,
      description: 'Status ranges (inclusive) of billable responses; default 200–299.',
    }),
    header: Type.Union(
      [
        Type.Object(
          {
            name: Type.String({ pattern: "^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$", description: 'Response header name (any letter case).' }),
            value: Type.String({ maxLength: 1000, description: 'The value it must have, exactly.' }),
          },
          { additionalProperties: false },
        ),
        Type.Null(),
      ],
      { description: 'Also required: a response header with this value; null: none.' },
    ),
  },
  { additionalProperties: false },
);
export type SuccessCriteria = Static<typeof SuccessCriteriaSchema>;

/** What a product counts as billable until its criteria are set: any 2xx answer. */
export const DEFAULT_SUCCESS_CRITERIA: SuccessCriteria = { statuses: [{ from: 200, to: 299 }], header: null };

/** Whether a response is billable under the criteria (header names in any letter case). */
export function isBillable(criteria: SuccessCriteria, status: number, header: (name: string) => string | undefined): boolean {
  if (!criteria.statuses.some((range) => range.from <= status && status <= range.to)) return false;
  return criteria.header === null || header(criteria.header.name.toLowerCase()) === criteria.header.value;
}
