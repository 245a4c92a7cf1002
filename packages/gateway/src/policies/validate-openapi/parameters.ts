import type { ErrorObject } from 'ajv';
import type { Exchange } from '../../exchange.js';
import { isObject, type Json, type Location, pointerOf, resolve, SpecError } from './document.js';

/** Where a validated parameter is sent. Cookie parameters are not validated. */
export type ParameterLocation = 'path' | 'query' | 'header';

/** How one parameter's text becomes the value its schema validates. */
export interface Parameter {
  name: string;
  in: ParameterLocation;
  /** The property the value is validated under: the name, lower case for headers. */
  key: string;
  required: boolean;
  /** `array`: split into items; `json`: a `content: application/json` parameter, parsed; else the text. */
  kind: 'primitive' | 'array' | 'json';
  /** For arrays: several query parameters (`?id=1&id=2`) rather than one delimited value. */
  explode: boolean;
  /** For arrays that are not exploded: the delimiter of the items. */
  delimiter: string;
}

/** Header parameters OpenAPI says to ignore: HTTP itself defines them. */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

const DELIMITERS: Record<string, string> = { form: ',', simple: ',', spaceDelimited: ' ', pipeDelimited: '|' };

/**
 * The parameters of an operation (the path item's, overridden by the operation's of the same
 * name and location) and the JSON Schema of all of them together:
 * `{ path: {…}, query: {…}, header: {…} }`, each property a `$ref` to the parameter's schema in
 * the document registered under `documentId`.
 */
export function compileParameters(
  document: Json,
  documentId: string,
  declared: Array<{ value: unknown; at: Location }>,
): { parameters: Parameter[]; schema: Json | undefined } {
  const byKey = new Map<string, { parameter: Parameter; schemaAt: Location }>();
  for (const { value, at } of declared) {
    const resolved = resolve(document, value, at);
    const compiled = compileParameter(document, resolved.value, resolved.at);
    if (compiled !== undefined) byKey.set(`${compiled.parameter.in}:${compiled.parameter.key}`, compiled);
  }
  if (byKey.size === 0) return { parameters: [], schema: undefined };
  const groups: Record<ParameterLocation, { type: 'object'; properties: Json; required: string[] }> = {
    path: { type: 'object', properties: {}, required: [] },
    query: { type: 'object', properties: {}, required: [] },
    header: { type: 'object', properties: {}, required: [] },
  };
  for (const { parameter, schemaAt } of byKey.values()) {
    const group = groups[parameter.in];
    group.properties[parameter.key] = { $ref: `${documentId}${pointerOf(schemaAt)}` };
    if (parameter.required) group.required.push(parameter.key);
  }
  return {
    parameters: [...byKey.values()].map((entry) => entry.parameter),
    schema: { type: 'object', properties: groups },
  };
}

function compileParameter(document: Json, value: Json, at: Location): { parameter: Parameter; schemaAt: Location } | undefined {
  const { name, in: location } = value;
  if (typeof name !== 'string' || name === '') throw new SpecError(at, 'a parameter needs a name');
  if (location === 'cookie') return undefined;
  if (location !== 'path' && location !== 'query' && location !== 'header') {
    throw new SpecError(at, `parameter '${name}': 'in' must be path, query, header or cookie`);
  }
  if (location === 'header' && IGNORED_HEADERS.has(name.toLowerCase())) return undefined;
  const label = `parameter '${name}' (${location})`;
  let schemaAt: Location;
  let kind: Parameter['kind'];
  if (value.schema !== undefined) {
    schemaAt = [...at, 'schema'];
    const shape = shapeOf(document, value.schema, schemaAt);
    if (shape === 'object') throw new SpecError(at, `${label}: object parameters are supported only with content: application/json`);
    kind = shape;
  } else if (isObject(value.content)) {
    const types = Object.keys(value.content);
    if (types.length !== 1 || !/json/i.test(types[0] as string)) {
      throw new SpecError(at, `${label}: content must hold exactly one JSON media type`);
    }
    const mediaType = types[0] as string;
    if (!isObject((value.content[mediaType] as Json | undefined)?.schema)) throw new SpecError(at, `${label}: its content needs a schema`);
    schemaAt = [...at, 'content', mediaType, 'schema'];
    kind = 'json';
  } else {
    throw new SpecError(at, `${label} needs a schema or content`);
  }
  const style = typeof value.style === 'string' ? value.style : location === 'query' ? 'form' : 'simple';
  const delimiter = DELIMITERS[style];
  const allowed = location === 'query' ? ['form', 'spaceDelimited', 'pipeDelimited'] : ['simple'];
  if (delimiter === undefined || !allowed.includes(style)) throw new SpecError(at, `${label}: style '${style}' is not supported`);
  const explode = typeof value.explode === 'boolean' ? value.explode : style === 'form';
  return {
    parameter: {
      name,
      in: location,
      key: location === 'header' ? name.toLowerCase() : name,
      // Path parameters are always required, whatever the document says.
      required: location === 'path' || value.required === true,
      kind,
      explode,
      delimiter,
    },
    schemaAt,
  };
}

/** Whether a parameter schema describes an array, an object or a single value (its `$ref`s followed). */
function shapeOf(document: Json, schema: unknown, at: Location): 'primitive' | 'array' | 'object' {
  const resolved = resolve(document, schema, at).value;
  const types = Array.isArray(resolved.type) ? resolved.type : [resolved.type];
  if (types.includes('array')) return 'array';
  if (types.includes('object') || (resolved.type === undefined && isObject(resolved.properties))) return 'object';
  return 'primitive';
}

/** The values of an operation's parameters, as its schema validates them, or why one cannot be read. */
export function collectParameters(
  parameters: readonly Parameter[],
  exchange: Exchange,
  captured: ReadonlyMap<string, string>,
): { values: Record<ParameterLocation, Json> } | { problem: string } {
  const values: Record<ParameterLocation, Json> = { path: {}, query: {}, header: {} };
  let query: URLSearchParams | undefined;
  for (const parameter of parameters) {
    let texts: string[];
    if (parameter.in === 'path') {
      const raw = captured.get(parameter.name);
      texts = raw === undefined ? [] : [decodePathSegment(raw)];
    } else if (parameter.in === 'query') {
      query ??= new URLSearchParams(exchange.query);
      texts = query.getAll(parameter.name);
    } else {
      const value = exchange.header(parameter.key);
      texts = value === undefined ? [] : [value];
    }
    if (texts.length === 0) continue;
    const first = texts[0] as string;
    if (parameter.kind === 'json') {
      try {
        values[parameter.in][parameter.key] = JSON.parse(first);
      } catch {
        return { problem: `${labelOf(parameter.in, parameter.name)} is not valid JSON` };
      }
    } else if (parameter.kind === 'array') {
      const items = parameter.explode && parameter.in === 'query' ? texts : first.split(parameter.delimiter);
      values[parameter.in][parameter.key] = parameter.in === 'header' ? items.map((item) => item.trim()) : items;
    } else {
      // A single-valued parameter sent twice: the first value is validated.
      values[parameter.in][parameter.key] = first;
    }
  }
  return { values };
}

function decodePathSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function labelOf(location: string, name: string): string {
  return location === 'header' ? `header '${name}'` : `${location} parameter '${name}'`;
}

/** An Ajv error of the combined parameter schema, as `query parameter 'limit' must be <= 100`. */
export function describeParameterError(error: ErrorObject): string {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
  const missing = (error.params as { missingProperty?: string }).missingProperty;
  if (error.keyword === 'required' && missing !== undefined) segments.push(missing);
  const [location = '', name = '', ...rest] = segments;
  const message = error.keyword === 'required' ? 'is required' : (error.message ?? error.keyword);
  return `${labelOf(location, name)}${rest.length > 0 ? ` /${rest.join('/')}` : ''} ${message}`;
}
