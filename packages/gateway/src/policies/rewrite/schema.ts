import { type Static, Type } from 'typebox';

const MAX = 50;
const parameterName = (description: string) => Type.String({ minLength: 1, maxLength: 200, description });
const parameterMap = (value: ReturnType<typeof Type.String>, description: string) =>
  Type.Record(Type.String(), value, {
    default: {},
    maxProperties: MAX,
    propertyNames: { minLength: 1, maxLength: 200 },
    description,
  });
const template = (description: string) => Type.String({ maxLength: 8_192, description });

/** Changes to the forwarded query string. */
export const QueryRewriteSchema = Type.Object(
  {
    keepOnly: Type.Optional(
      Type.Array(parameterName('A parameter name to keep (decoded, case-sensitive).'), {
        maxItems: MAX,
        description: 'When given, every parameter not named here is removed first (an allow-list); absent: all are kept.',
      }),
    ),
    remove: Type.Array(parameterName('A parameter name to remove (decoded, case-sensitive).'), {
      default: [],
      maxItems: MAX,
      description: 'Parameter names to remove, every value of each. Applied after keepOnly.',
    }),
    rename: parameterMap(
      parameterName('The new name of the parameter.'),
      'Old name → new name, applied one after another in the order written, after remove; values are kept as sent.',
    ),
    set: parameterMap(
      template('The value: a template such as "{variable.region}".'),
      'Name → value template, after rename: replaces every value of the parameter with one (where the first was, or ' +
        'at the end). A value that renders empty removes the parameter.',
    ),
    add: parameterMap(
      template('The value to append: a template such as "{client.id}".'),
      'Name → value template: appends one more value, last. A value that renders empty adds nothing.',
    ),
  },
  {
    additionalProperties: false,
    default: {},
    description: 'Changes to the forwarded query string: keepOnly, then remove, rename, set, add.',
  },
);

/** A change to the forwarded path. */
export const PathRewriteSchema = Type.Object(
  {
    pattern: Type.String({
      minLength: 1,
      maxLength: 1_000,
      description: 'A regular expression (JavaScript syntax) matched against the path after the context path, e.g. "^/v1/(.*)$".',
    }),
    replacement: Type.String({
      maxLength: 1_000,
      description:
        'What replaces the first match; $1…$9 insert captured groups, e.g. "/v2/$1". The result must be empty or start with "/".',
    }),
  },
  {
    additionalProperties: false,
    description: 'Rewrites the forwarded path (after the context path); unmatched paths are forwarded as they are.',
  },
);

/** What is rewritten in the forwarded request. */
export const RewriteSchema = Type.Object(
  {
    path: Type.Optional(PathRewriteSchema),
    query: QueryRewriteSchema,
  },
  { additionalProperties: false },
);
export type RewriteConfig = Static<typeof RewriteSchema>;
