import { DEFAULT_PAGE_SIZE, IdSchema, MAX_PAGE_SIZE, type PageRequest } from '@tollgate/domain';
import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';
import { type TObject, type TProperties, type TSchema, Type } from 'typebox';
import { PROBLEM_MEDIA_TYPE, ProblemSchema } from '../problem.js';

/** `{ id }` path parameter, validated so a malformed id is a 400 naming `params.id`. */
export const IdParamsSchema = Type.Object({ id: IdSchema }, { additionalProperties: false });

/** The query of a list: page size, cursor and the resource's filters; unknown parameters are refused. */
export function listQuerySchema(filters: TProperties): TObject {
  return Type.Object(
    {
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, description: `Page size (default ${DEFAULT_PAGE_SIZE}).` })),
      cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 400, description: 'nextCursor of the previous page.' })),
      ...filters,
    },
    { additionalProperties: false },
  );
}

/** A page of items and the cursor of the next one. */
export function pageSchema(item: TSchema): TObject {
  return Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'Pass as cursor for the next page; null on the last.' }),
  });
}

/** Splits a validated list query into the page request and the filter. */
export function splitListQuery<F>(query: Record<string, unknown>): { page: PageRequest; filter: F } {
  const { limit, cursor, ...filter } = query as { limit?: number; cursor?: string };
  return { page: { limit: limit ?? DEFAULT_PAGE_SIZE, cursor }, filter: filter as F };
}

const PROBLEM_RESPONSE = { description: 'Problem details.', content: { [PROBLEM_MEDIA_TYPE]: { schema: ProblemSchema } } };

/** Error responses every authenticated route documents, with their real media type. */
export const ERROR_RESPONSES = { '4xx': PROBLEM_RESPONSE, '5xx': PROBLEM_RESPONSE };

/** OpenAPI security requirement of the bearer token. */
export const BEARER = [{ bearerAuth: [] }];

/** Answers rows as a CSV download (RFC 4180, header line first) named `<name>.csv`. */
export function sendCsv(reply: FastifyReply, name: string, header: string[], rows: unknown[][]): string {
  reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`);
  return stringify([header, ...rows]);
}
