import { isObject, type Json } from './document.js';

/** Keywords whose value is a map of schemas. */
const SCHEMA_MAPS = ['properties', 'patternProperties'] as const;
/** Keywords whose value is a list of schemas. */
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf'] as const;
/** Keywords whose value is one schema (or, for items, possibly a list). */
const SCHEMA_SLOTS = ['items', 'additionalProperties', 'not'] as const;

/**
 * Rewrites, in place, an OpenAPI 3.0 Schema Object into the JSON Schema (draft-07) it means,
 * so Ajv validates what the document says:
 *
 * - `nullable: true` also admits `null` (as `type: [T, "null"]`, or `anyOf: [{type: "null"}, …]`
 *   when the schema composes others);
 * - the boolean `exclusiveMinimum` / `exclusiveMaximum` of draft-04 become the numeric form.
 *
 * Annotations Ajv does not know (`example`, `discriminator`, `xml`, `readOnly`…) stay and are
 * ignored. OpenAPI 3.1 schemas are JSON Schema 2020-12 already and are not converted.
 */
export function convertSchema30(schema: unknown): void {
  if (!isObject(schema)) return;
  for (const keyword of SCHEMA_MAPS) {
    const map = schema[keyword];
    if (isObject(map)) for (const child of Object.values(map)) convertSchema30(child);
  }
  for (const keyword of SCHEMA_LISTS) {
    const list = schema[keyword];
    if (Array.isArray(list)) for (const child of list) convertSchema30(child);
  }
  for (const keyword of SCHEMA_SLOTS) {
    const slot = schema[keyword];
    if (Array.isArray(slot)) for (const child of slot) convertSchema30(child);
    else convertSchema30(slot);
  }
  convertExclusive(schema, 'exclusiveMinimum', 'minimum');
  convertExclusive(schema, 'exclusiveMaximum', 'maximum');
  convertNullable(schema);
}

function convertExclusive(schema: Json, exclusive: 'exclusiveMinimum' | 'exclusiveMaximum', bound: 'minimum' | 'maximum'): void {
  const flag = schema[exclusive];
  if (typeof flag !== 'boolean') return;
  if (flag && typeof schema[bound] === 'number') {
    schema[exclusive] = schema[bound];
    delete schema[bound];
  } else {
    delete schema[exclusive];
  }
}

function convertNullable(schema: Json): void {
  if (!('nullable' in schema)) return;
  const nullable = schema.nullable === true;
  delete schema.nullable;
  if (!nullable) return;
  const composes = '$ref' in schema || SCHEMA_LISTS.some((keyword) => keyword in schema);
  if (typeof schema.type === 'string' && !composes) {
    schema.type = [schema.type, 'null'];
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
    return;
  }
  // The constraints apply to non-null values only: move them into a branch next to null.
  const rest: Json = { ...schema };
  for (const key of Object.keys(schema)) delete schema[key];
  schema.anyOf = [{ type: 'null' }, rest];
}
