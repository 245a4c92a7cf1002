import { type Static, Type } from 'typebox';

/** An OpenAPI 3.0 or 3.1 description requests are checked against. */
export const ValidateOpenApiSchema = Type.Object(
  {
    spec: Type.Object(
      {
        openapi: Type.String({
          pattern: '^3\\.[01]\\.\\d+(-.+)?$',
          description: 'The OpenAPI version of the document: 3.0.x or 3.1.x.',
        }),
        paths: Type.Record(Type.String(), Type.Unknown(), {
          description: "The document's paths, relative to the project's context path (its servers are ignored).",
        }),
      },
      {
        additionalProperties: true,
        description:
          'The OpenAPI document (inline JSON, as a YAML document converts). Every $ref must be local (#/components/…); the document is compiled when saved.',
      },
    ),
  },
  { additionalProperties: false },
);
export type ValidateOpenApiConfig = Static<typeof ValidateOpenApiSchema>;
