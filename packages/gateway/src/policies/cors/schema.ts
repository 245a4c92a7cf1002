import { HTTP_METHODS } from '@tollgate/domain';
import { type Static, Type } from 'typebox';

const HEADER_NAME = "^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$";

/** Response headers the gateway itself adds, which a browser script may not read unless exposed. */
export const GATEWAY_RESPONSE_HEADERS = ['x-request-id', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'retry-after'];

/** Which browser origins may call, with which methods and headers, and what they may read. */
export const CorsSchema = Type.Object(
  {
    allowOrigins: Type.Union(
      [Type.Literal('*'), Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { minItems: 1, maxItems: 100 })],
      {
        default: '*',
        description:
          '"*" (default): every origin; or a list of origins as browsers send them, e.g. "https://app.example.com", ' +
          '"http://localhost:3000", or "https://*.example.com" for every subdomain (not the apex). Others: 403 CORS_REJECTED.',
      },
    ),
    allowMethods: Type.Array(Type.Enum([...HTTP_METHODS]), {
      minItems: 1,
      uniqueItems: true,
      default: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      description: 'Methods a preflight may ask for (Access-Control-Allow-Methods); another one is refused with 403 CORS_REJECTED.',
    }),
    allowHeaders: Type.Union([Type.Literal('*'), Type.Array(Type.String({ pattern: HEADER_NAME }), { maxItems: 100 })], {
      default: '*',
      description:
        '"*" (default): any request header a preflight asks for (answered by name, so it also works with credentials); ' +
        'or a list of header names, case-insensitive; a preflight asking for another one is refused with 403 CORS_REJECTED.',
    }),
    exposeHeaders: Type.Array(Type.String({ pattern: HEADER_NAME }), {
      maxItems: 100,
      default: GATEWAY_RESPONSE_HEADERS,
      description:
        'Response headers browser scripts may read besides the CORS-safelisted ones (Access-Control-Expose-Headers). ' +
        'Default: the headers the gateway adds (X-Request-Id, RateLimit-*, Retry-After).',
    }),
    allowCredentials: Type.Boolean({
      default: false,
      description:
        'Let browsers send cookies and HTTP authentication and read the answer (Access-Control-Allow-Credentials: true). ' +
        'With allowOrigins "*" the caller\'s origin is then echoed, never "*": every site may make credentialed calls.',
    }),
    maxAge: Type.Integer({
      minimum: 0,
      maximum: 86_400,
      default: 600,
      description: 'Seconds a browser may cache a preflight answer (Access-Control-Max-Age; browsers cap it, Chromium at 7,200).',
    }),
  },
  { additionalProperties: false },
);
export type CorsConfig = Static<typeof CorsSchema>;
