import type { ValidateFunction } from 'ajv';
import type { Exchange } from '../../exchange.js';
import { validateJsonText } from '../json-body-validation.js';
import { compileJsonSchema } from '../json-schema.js';
import { type PolicyHandler, type Rejection, reject, type Verdict } from '../kit.js';
import { hasBody, isJsonMediaType, mediaTypeOf, refuseEncodedBody } from '../request-body.js';
import { decodeContentEncoding } from './content-encoding.js';
import type { ValidateJsonConfig } from './schema.js';

/** Methods whose requests must carry the body the schema describes. */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

const BODY_REQUIRED: Rejection = reject('VALIDATION_FAILED', 'the request needs a JSON body');

/**
 * Validates JSON bodies against a JSON Schema compiled once: the request body in
 * `proxy-request` (400 VALIDATION_FAILED), the backend's 2xx answer in the response flows
 * (502 UPSTREAM_UNAVAILABLE: an answer that breaks its contract is a gateway error, never
 * passed on as if valid).
 */
export function createValidateJson(config: ValidateJsonConfig): PolicyHandler {
  const validate = compileJsonSchema(config.schema);

  function request(body: Buffer): Verdict {
    if (body.length === 0) return BODY_REQUIRED;
    const problem = validateJsonText(validate, body);
    return problem === undefined ? undefined : reject('VALIDATION_FAILED', `the request body ${problem}`);
  }

  return {
    readsResponseBody: true,

    onRequest(exchange: Exchange) {
      if (!hasBody(exchange)) return BODY_METHODS.has(exchange.method) ? BODY_REQUIRED : undefined;
      const mediaType = mediaTypeOf(exchange.header('content-type'));
      if (!isJsonMediaType(mediaType)) {
        return reject('UNSUPPORTED_MEDIA_TYPE', `the request body must be JSON (application/json or a +json type), not '${mediaType}'`);
      }
      const encoded = refuseEncodedBody(exchange);
      if (encoded !== undefined) return encoded;
      if (exchange.body !== undefined) return request(exchange.body);
      return exchange.readBody().then(request);
    },

    onResponse(exchange: Exchange) {
      const response = exchange.response;
      if (response === undefined || response.status < 200 || response.status >= 300) return undefined;
      const body = response.body;
      if (body === undefined || body.length === 0) return undefined;
      const problem = responseProblem(validate, exchange, body);
      return problem === undefined ? undefined : reject('UPSTREAM_UNAVAILABLE', `the backend's answer ${problem}`);
    },
  };
}

/** Why a non-empty 2xx answer fails: not JSON, not decodable, or not matching the schema. */
function responseProblem(validate: ValidateFunction, exchange: Exchange, body: Buffer): string | undefined {
  const headers = (exchange.response as NonNullable<Exchange['response']>).headers;
  const mediaType = mediaTypeOf(headerText(headers['content-type']));
  if (!isJsonMediaType(mediaType)) return `is not JSON (Content-Type '${mediaType}')`;
  const decoded = decodeContentEncoding(body, headerText(headers['content-encoding']), exchange.maxBodyBytes);
  if (typeof decoded === 'string') return `cannot be validated: ${decoded}`;
  return validateJsonText(validate, decoded);
}

function headerText(value: string | string[] | number | undefined): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** The schema compiles: valid against its meta-schema, a supported `$schema`, every `$ref` local and resolvable. */
export function checkValidateJson(config: unknown): Record<string, string> {
  try {
    compileJsonSchema((config as ValidateJsonConfig).schema);
    return {};
  } catch (error) {
    return { schema: `not a usable JSON Schema: ${(error as Error).message}` };
  }
}
