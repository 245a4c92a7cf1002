import type { Exchange } from '../../exchange.js';
import { validateJsonText } from '../json-body-validation.js';
import { type PolicyHandler, type Rejection, reject, type Verdict } from '../kit.js';
import { hasBody, isJsonMediaType, mediaTypeOf, refuseEncodedBody } from '../request-body.js';
import { type CompiledOperation, type CompiledPath, compileOpenApi, selectMedia } from './compile.js';
import { SpecError } from './document.js';
import { collectParameters, describeParameterError } from './parameters.js';
import type { ValidateOpenApiConfig } from './schema.js';

const BODY_REQUIRED: Rejection = reject('VALIDATION_FAILED', 'the request needs a body');

/**
 * Checks each request against an OpenAPI description compiled once: the path and method must
 * be an operation of the document (404 ROUTE_NOT_FOUND, 405 METHOD_NOT_ALLOWED), its path,
 * query and header parameters must match their schemas and its JSON body the request body's
 * schema (400 VALIDATION_FAILED), in a media type it accepts (415 UNSUPPORTED_MEDIA_TYPE).
 */
export function createValidateOpenApi(config: ValidateOpenApiConfig): PolicyHandler {
  const paths = compileOpenApi(config.spec);

  return {
    onRequest(exchange: Exchange) {
      const path = exchange.remainder === '' ? '/' : exchange.remainder;
      const method = exchange.method;
      let allow: Set<string> | undefined;
      for (const candidate of paths) {
        const match = candidate.path.regex.exec(path);
        if (match === null) continue;
        const operation = candidate.operations.get(method) ?? (method === 'HEAD' ? candidate.operations.get('GET') : undefined);
        if (operation === undefined) {
          allow ??= new Set();
          for (const allowed of candidate.allow) allow.add(allowed);
          continue;
        }
        return checkOperation(operation, capturesOf(candidate, match), exchange);
      }
      if (allow === undefined) return reject('ROUTE_NOT_FOUND', `no path of the API description matches ${path}`);
      return reject('METHOD_NOT_ALLOWED', `${method} is not an operation of ${path} in the API description`, {
        allow: [...allow].join(', '),
      });
    },
  };
}

function capturesOf(candidate: CompiledPath, match: RegExpExecArray): Map<string, string> {
  const captures = new Map<string, string>();
  candidate.path.names.forEach((name, index) => {
    captures.set(name, match[index + 1] as string);
  });
  return captures;
}

function checkOperation(
  operation: CompiledOperation,
  captures: ReadonlyMap<string, string>,
  exchange: Exchange,
): Verdict | Promise<Verdict> {
  const validateParameters = operation.validateParameters;
  if (validateParameters !== undefined) {
    const collected = collectParameters(operation.parameters, exchange, captures);
    if ('problem' in collected) return reject('VALIDATION_FAILED', collected.problem);
    if (!validateParameters(collected.values)) {
      const [first] = validateParameters.errors ?? [];
      return reject(
        'VALIDATION_FAILED',
        first === undefined ? 'the parameters do not match the API description' : describeParameterError(first),
      );
    }
  }
  const body = operation.body;
  if (body === undefined) return undefined;
  if (!hasBody(exchange)) return body.required ? BODY_REQUIRED : undefined;
  const mediaType = mediaTypeOf(exchange.header('content-type'));
  const media = selectMedia(body, mediaType);
  if (media === undefined) {
    return reject('UNSUPPORTED_MEDIA_TYPE', `the request body must be one of: ${body.accepted} (not '${mediaType}')`);
  }
  const validate = media.validate;
  if (validate === undefined || !isJsonMediaType(mediaType)) return undefined;
  const encoded = refuseEncodedBody(exchange);
  if (encoded !== undefined) return encoded;
  const inspect = (bytes: Buffer): Verdict => {
    if (bytes.length === 0) return body.required ? BODY_REQUIRED : undefined;
    const problem = validateJsonText(validate, bytes);
    return problem === undefined ? undefined : reject('VALIDATION_FAILED', `the request body ${problem}`);
  };
  return exchange.body !== undefined ? inspect(exchange.body) : exchange.readBody().then(inspect);
}

/** The document compiles: local `$ref`s that resolve, valid schemas, supported parameter styles. */
export function checkValidateOpenApi(config: unknown): Record<string, string> {
  try {
    compileOpenApi((config as ValidateOpenApiConfig).spec);
    return {};
  } catch (error) {
    if (error instanceof SpecError) return { [error.field]: error.message };
    return { spec: `the document cannot be compiled: ${(error as Error).message}` };
  }
}
