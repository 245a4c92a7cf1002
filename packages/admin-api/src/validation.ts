import type { FieldErrors } from '@tollgate/domain';
import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

type Part = 'body' | 'querystring' | 'params' | 'headers';

function makeAjv(coerceTypes: boolean): Ajv {
  // removeAdditional stays off: an unknown property is an error, never silently dropped.
  const ajv = new Ajv({ allErrors: true, coerceTypes, useDefaults: false, removeAdditional: false, verbose: true, strict: false });
  addFormats.default(ajv);
  return ajv;
}

/**
 * JSON bodies are validated as sent (a string is not a number); query strings and path
 * parameters arrive as text and are coerced to the declared types.
 */
export function createValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const strict = makeAjv(false);
  const coercing = makeAjv(true);
  return ({ schema, httpPart }) => ((httpPart as Part) === 'body' ? strict : coercing).compile(schema as object);
}

const PREFIX: Record<string, string> = { body: '', querystring: 'query.', params: 'params.', headers: 'headers.' };

/** Turns Ajv errors into field path → message, one message per field, the clearest first. */
export function fieldErrors(errors: readonly ErrorObject[], context: string): FieldErrors {
  const fields: FieldErrors = {};
  const prefix = PREFIX[context] ?? `${context}.`;
  // anyOf/oneOf summaries restate the branch errors; keep them only when nothing else names the field.
  const ordered = [...errors].sort((a, b) => Number(isSummary(a)) - Number(isSummary(b)));
  for (const error of ordered) {
    const path = fieldPath(error);
    const key = path === '' ? (context === 'body' ? 'body' : context) : prefix + path;
    fields[key] ??= messageOf(error);
  }
  // A field that can be an object or null reports both branches; the deeper error is the real one.
  const keys = Object.keys(fields);
  for (const key of keys) {
    if (keys.some((other) => other.startsWith(`${key}.`))) delete fields[key];
  }
  return fields;
}

function isSummary(error: ErrorObject): boolean {
  return error.keyword === 'anyOf' || error.keyword === 'oneOf';
}

function fieldPath(error: ErrorObject): string {
  const base = error.instancePath.split('/').slice(1).map(decodePointer);
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  if (error.keyword === 'required' && params.missingProperty !== undefined) base.push(params.missingProperty);
  if (error.keyword === 'additionalProperties' && params.additionalProperty !== undefined) base.push(params.additionalProperty);
  return base.join('.');
}

function decodePointer(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

function messageOf(error: ErrorObject): string {
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not a known field';
    case 'pattern': {
      const description = (error.parentSchema as { description?: string } | undefined)?.description;
      return description === undefined ? String(error.message) : `is not valid: ${description}`;
    }
    case 'enum':
      return `must be one of: ${((error.params as { allowedValues?: unknown[] }).allowedValues ?? []).join(', ')}`;
    default:
      return String(error.message);
  }
}
