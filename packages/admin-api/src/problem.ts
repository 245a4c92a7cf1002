import { ERROR_CATALOGUE, type ErrorCode, type FieldErrors } from '@tollgate/domain';
import { type Static, Type } from 'typebox';

/** RFC 9457 problem details, as every error of the management API is answered. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'URI naming the error code.' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String({ description: 'Stable error code (docs/errors.md).' }),
    requestId: Type.String(),
    fields: Type.Optional(Type.Record(Type.String(), Type.String(), { description: 'Field path → message.' })),
  },
  { description: 'RFC 9457 problem details.' },
);
export type Problem = Static<typeof ProblemSchema>;

/** Media type of every error body. */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** Builds the problem body of a catalogue code. */
export function problem(code: ErrorCode, detail: string, requestId: string, fields?: FieldErrors): Problem {
  const { status, title } = ERROR_CATALOGUE[code];
  return {
    type: `https://tollgate.dev/errors/${code.toLowerCase().replaceAll('_', '-')}`,
    title,
    status,
    detail,
    code,
    requestId,
    ...(fields === undefined || Object.keys(fields).length === 0 ? {} : { fields }),
  };
}
