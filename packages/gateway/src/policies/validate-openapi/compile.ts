import type { Ajv, ValidateFunction } from 'ajv';
import { assertValidSchema, createAjv, type Dialect } from '../json-schema.js';
import { mediaTypeOf } from '../request-body.js';
import { convertSchema30 } from './convert.js';
import { isObject, type Json, type Location, METHODS, pointerOf, refuseRemoteRefs, resolve, SpecError } from './document.js';
import { addOpenApiFormats } from './formats.js';
import { compileParameters, type Parameter } from './parameters.js';
import { compilePathTemplate, type PathTemplate } from './paths.js';

/** The id the document is registered under in Ajv: every local `$ref` resolves inside it. */
const DOCUMENT_ID = 'tollgate:openapi';

/** One media type an operation accepts, and the validator of its body when it is JSON with a schema. */
export interface CompiledMedia {
  /** `type/subtype`, `type/*` or `*\/*`, lower case. */
  range: string;
  validate: ValidateFunction | undefined;
}

/** What an operation's request body must be. */
export interface CompiledBody {
  required: boolean;
  media: CompiledMedia[];
  /** The accepted media types, for the 415 detail. */
  accepted: string;
}

/** One operation, its validators compiled. */
export interface CompiledOperation {
  parameters: Parameter[];
  validateParameters: ValidateFunction | undefined;
  body: CompiledBody | undefined;
}

/** A path of the document with its operations by upper-case method. */
export interface CompiledPath {
  path: PathTemplate;
  operations: ReadonlyMap<string, CompiledOperation>;
  /** The methods of the path, for `Allow` (HEAD with GET). */
  allow: readonly string[];
}

/**
 * Compiles an OpenAPI 3.0/3.1 document: every path template to a regular expression, every
 * operation's parameters and JSON request bodies to Ajv validators. Throws {@link SpecError}
 * naming the config field of the first problem (remote `$ref`, unresolvable `$ref`, invalid
 * schema, unsupported parameter style). Paths come back concrete first: `/pets/mine` is tried
 * before `/pets/{id}`.
 */
export function compileOpenApi(spec: Json): CompiledPath[] {
  const version = String(spec.openapi);
  const is31 = version.startsWith('3.1');
  const dialect: Dialect = is31 ? '2020-12' : 'draft-07';
  if (is31 && spec.jsonSchemaDialect !== undefined && !String(spec.jsonSchemaDialect).includes('2020-12')) {
    throw new SpecError(['jsonSchemaDialect'], 'only the JSON Schema 2020-12 dialect is supported');
  }
  const document = structuredClone(spec);
  refuseRemoteRefs(document);
  if (!is31) convertDocument30(document);
  checkComponentSchemas(document, dialect);

  const coercing = documentAjv(document, dialect, true);
  const strict = documentAjv(document, dialect, false);
  const paths = isObject(document.paths) ? document.paths : {};
  const compiled: Array<CompiledPath & { templated: number }> = [];
  for (const [template, rawItem] of Object.entries(paths)) {
    const itemAt: Location = ['paths', template];
    const path = compilePathTemplate(template, itemAt);
    const item = resolve(document, rawItem, itemAt);
    const operations = new Map<string, CompiledOperation>();
    for (const method of METHODS) {
      const operation = item.value[method];
      if (operation === undefined) continue;
      const operationAt = [...item.at, method];
      if (!isObject(operation)) throw new SpecError(operationAt, 'an operation must be an object');
      const declared = [
        ...listAt(item.value.parameters, [...item.at, 'parameters']),
        ...listAt(operation.parameters, [...operationAt, 'parameters']),
      ];
      operations.set(method.toUpperCase(), compileOperation(document, dialect, coercing, strict, declared, operation, operationAt, path));
    }
    const allow = [...operations.keys()];
    if (operations.has('GET') && !operations.has('HEAD')) allow.push('HEAD');
    compiled.push({ path, operations, allow, templated: path.names.length });
  }
  // Stable: among equally templated paths, the document's order decides.
  return compiled.sort((a, b) => a.templated - b.templated);
}

function compileOperation(
  document: Json,
  dialect: Dialect,
  coercing: Ajv,
  strict: Ajv,
  declared: Array<{ value: unknown; at: Location }>,
  operation: Json,
  at: Location,
  path: PathTemplate,
): CompiledOperation {
  for (const { value, at: parameterAt } of declared) {
    const parameter = resolve(document, value, parameterAt);
    const schema = parameter.value.schema ?? firstContentSchema(parameter.value.content);
    if (schema !== undefined) assertSchema(schema, parameter.at, dialect);
  }
  const { parameters, schema } = compileParameters(document, DOCUMENT_ID, declared);
  const stray = parameters.find((parameter) => parameter.in === 'path' && !path.names.includes(parameter.name));
  // It could never be sent: every call of the operation would be refused.
  if (stray !== undefined) throw new SpecError(at, `the path parameter '${stray.name}' is not in the path ${path.template}`);
  const validateParameters = schema === undefined ? undefined : compileAt(coercing, schema, at);
  let body: CompiledBody | undefined;
  if (operation.requestBody !== undefined) {
    const requestBody = resolve(document, operation.requestBody, [...at, 'requestBody']);
    body = compileBody(dialect, strict, requestBody.value, requestBody.at);
  }
  return { parameters, validateParameters, body };
}

function compileBody(dialect: Dialect, strict: Ajv, requestBody: Json, at: Location): CompiledBody {
  if (!isObject(requestBody.content)) throw new SpecError(at, 'a request body needs content');
  const media: CompiledMedia[] = [];
  for (const [range, entry] of Object.entries(requestBody.content)) {
    const entryAt = [...at, 'content', range];
    if (!isObject(entry)) throw new SpecError(entryAt, 'must be an object');
    let validate: ValidateFunction | undefined;
    if (entry.schema !== undefined && /json/i.test(range)) {
      assertSchema(entry.schema, [...entryAt, 'schema'], dialect);
      validate = compileAt(strict, { $ref: `${DOCUMENT_ID}${pointerOf([...entryAt, 'schema'])}` }, entryAt);
    }
    media.push({ range: mediaTypeOf(range), validate });
  }
  return { required: requestBody.required === true, media, accepted: Object.keys(requestBody.content).join(', ') };
}

/** The media type entry of a request body that a request's media type selects: exact, then `type/*`, then `*\/*`. */
export function selectMedia(body: CompiledBody, mediaType: string): CompiledMedia | undefined {
  const wildcard = `${mediaType.slice(0, mediaType.indexOf('/') + 1)}*`;
  return (
    body.media.find((media) => media.range === mediaType) ??
    body.media.find((media) => media.range === wildcard) ??
    body.media.find((media) => media.range === '*/*')
  );
}

function documentAjv(document: Json, dialect: Dialect, coerceTypes: boolean): Ajv {
  // Schemas are checked against their meta-schema one by one (assertSchema); the document itself is not a schema.
  const ajv = createAjv(dialect, { coerceTypes, validateSchema: false });
  addOpenApiFormats(ajv);
  ajv.addSchema(document, DOCUMENT_ID);
  return ajv;
}

function compileAt(ajv: Ajv, schema: Json, at: Location): ValidateFunction {
  try {
    return ajv.compile(schema);
  } catch (error) {
    // Ajv names the document by its internal id: the user knows it as the document itself.
    throw new SpecError(at, (error as Error).message.replace(/ from id .*$/, '').replaceAll(DOCUMENT_ID, ''));
  }
}

function assertSchema(schema: unknown, at: Location, dialect: Dialect): void {
  if (typeof schema === 'boolean') return;
  if (!isObject(schema)) throw new SpecError(at, 'a schema must be an object');
  try {
    assertValidSchema(schema, dialect);
  } catch (error) {
    throw new SpecError(at, (error as Error).message);
  }
}

function checkComponentSchemas(document: Json, dialect: Dialect): void {
  const schemas = isObject(document.components) ? document.components.schemas : undefined;
  if (!isObject(schemas)) return;
  for (const [name, schema] of Object.entries(schemas)) assertSchema(schema, ['components', 'schemas', name], dialect);
}

function listAt(value: unknown, at: Location): Array<{ value: unknown; at: Location }> {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new SpecError(at, 'must be a list');
  return value.map((item, index) => ({ value: item, at: [...at, index] }));
}

function firstContentSchema(content: unknown): unknown {
  if (!isObject(content)) return undefined;
  const [entry] = Object.values(content);
  return isObject(entry) ? entry.schema : undefined;
}

/**
 * Converts, in place, every schema of a 3.0 document a request is validated against (the
 * components' schemas, parameters and request bodies, and those of the paths) to JSON Schema.
 */
function convertDocument30(document: Json): void {
  const components = isObject(document.components) ? document.components : {};
  if (isObject(components.schemas)) for (const schema of Object.values(components.schemas)) convertSchema30(schema);
  if (isObject(components.parameters)) for (const parameter of Object.values(components.parameters)) convertParameter(parameter);
  if (isObject(components.requestBodies)) for (const body of Object.values(components.requestBodies)) convertContent(body);
  if (!isObject(document.paths)) return;
  for (const item of Object.values(document.paths)) {
    if (!isObject(item)) continue;
    if (Array.isArray(item.parameters)) item.parameters.forEach(convertParameter);
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      if (Array.isArray(operation.parameters)) operation.parameters.forEach(convertParameter);
      convertContent(operation.requestBody);
    }
  }
}

function convertParameter(parameter: unknown): void {
  if (!isObject(parameter)) return;
  convertSchema30(parameter.schema);
  convertContent(parameter);
}

function convertContent(holder: unknown): void {
  if (!isObject(holder) || !isObject(holder.content)) return;
  for (const entry of Object.values(holder.content)) if (isObject(entry)) convertSchema30(entry.schema);
}
