import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** The JSON Schema dialects validators are compiled for. */
export type Dialect = 'draft-07' | '2019-09' | '2020-12';

/**
 * Options shared by every validator. `allErrors` stays off: collecting every error of a large
 * hostile array costs memory per element (Ajv's security guidance), and the first error is
 * enough to answer. `strict` is off so annotations other tools add (`example`, `x-…`) are
 * accepted; the meta-schema still refuses malformed keywords. `logger: false` keeps unknown
 * formats from writing to the console.
 */
const OPTIONS: Options = { allErrors: false, strict: false, logger: false, useDefaults: false, coerceTypes: false };

/** A fresh Ajv instance for `dialect`, with the ajv-formats formats; `extra` options override the shared ones. */
export function createAjv(dialect: Dialect, extra: Options = {}): Ajv {
  const options = { ...OPTIONS, ...extra };
  const ajv = dialect === '2020-12' ? new Ajv2020(options) : dialect === '2019-09' ? new Ajv2019(options) : new Ajv(options);
  addFormats.default(ajv);
  return ajv;
}

/** The dialect a schema declares with `$schema`; draft-07 when it declares none. Other drafts are left to Ajv to refuse. */
export function dialectOf(schema: object): Dialect {
  const declared = (schema as { $schema?: unknown }).$schema;
  if (typeof declared !== 'string') return 'draft-07';
  if (declared.includes('2020-12')) return '2020-12';
  if (declared.includes('2019-09')) return '2019-09';
  return 'draft-07';
}

/**
 * One Ajv per dialect, only to check schemas against their meta-schema: compiling the
 * meta-schema costs tens of milliseconds, too much to repeat for every policy instance of every
 * snapshot. It never compiles user schemas, so it holds nothing from one snapshot to the next.
 */
const metaCheckers = new Map<Dialect, Ajv>();

/**
 * Throws (with Ajv's message) when `schema` is not valid against the meta-schema of its
 * dialect, or declares a `$schema` Ajv does not know (draft-04, draft-06…).
 */
export function assertValidSchema(schema: object, dialect: Dialect = dialectOf(schema)): void {
  let checker = metaCheckers.get(dialect);
  if (checker === undefined) {
    checker = createAjv(dialect);
    metaCheckers.set(dialect, checker);
  }
  if (!checker.validateSchema(schema)) throw new Error(`schema is invalid: ${checker.errorsText(checker.errors)}`);
}

/**
 * Compiles a JSON Schema into a validator, in an Ajv instance of its own (dropped with the
 * policy instance, so nothing outlives the snapshot). Throws (with Ajv's message) for a schema
 * that is not valid against its meta-schema, uses an unknown `$schema`, an invalid `pattern`
 * or a `$ref` that does not resolve inside the schema: remote references are never fetched.
 */
export function compileJsonSchema(schema: object): ValidateFunction {
  const dialect = dialectOf(schema);
  assertValidSchema(schema, dialect);
  return createAjv(dialect, { validateSchema: false }).compile(schema);
}

/**
 * One Ajv error as `<JSON pointer> <message>`, pointing at the offending value; for a missing
 * or unexpected property, at the property itself. The pointer is '/' for the whole document.
 */
export function describeError(error: ErrorObject, prefix = ''): string {
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  let path = error.instancePath;
  let message = error.message ?? error.keyword;
  if (error.keyword === 'required' && params.missingProperty !== undefined) {
    path += `/${escapePointer(params.missingProperty)}`;
    message = 'is required';
  } else if (error.keyword === 'additionalProperties' && params.additionalProperty !== undefined) {
    path += `/${escapePointer(params.additionalProperty)}`;
    message = 'is not allowed';
  }
  return `${prefix}${path === '' ? '/' : path} ${message}`;
}

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}
