import type { Exchange } from '../exchange.js';
import { type PolicyHandler, reject, type Verdict } from './kit.js';
import { bodyText, mediaTypeOf } from './media-type.js';
import { replaceResponseBody } from './response-body.js';

/** A conversion's outcome: the new body, or why the input is not valid. */
export type Converted = { ok: true; text: string } | { ok: false; reason: string };

/** What a body conversion policy is made of. */
export interface BodyConversion {
  /** Name of the input format in error messages ("XML"). */
  from: string;
  /** Whether a body of this media type is converted (others pass through untouched). */
  accepts(mediaType: string): boolean;
  convert(text: string): Converted;
  /** Content-Type of the converted body. */
  contentType: string;
}

/**
 * The flow logic shared by `xml-to-json` and `json-to-xml`. Request flows read the client's body
 * and forward the converted one; a body that is not valid in the input format is refused with
 * 400 (the backend would not understand it either). Response flows convert the backend's
 * buffered body; an invalid or undecodable one is passed through untouched, since the client
 * is better served by the backend's own bytes than by an error the backend did not make.
 */
export function bodyConversion(conversion: BodyConversion): PolicyHandler {
  return {
    readsResponseBody: true,
    onRequest(exchange: Exchange): Verdict | Promise<Verdict> {
      const headers = exchange.requestHeaders;
      if (!conversion.accepts(mediaTypeOf(headers['content-type']))) return undefined;
      return exchange.readBody().then((body) => convertRequest(conversion, exchange, body));
    },
    onResponse(exchange: Exchange): Verdict {
      const response = exchange.response;
      if (response?.body === undefined || response.body.length === 0) return undefined;
      if (!conversion.accepts(mediaTypeOf(response.headers['content-type']))) return undefined;
      const text = bodyText(response.body, response.headers['content-encoding'], response.headers['content-type'], exchange.maxBodyBytes);
      if (text === 'encoding' || text === 'too-large' || text === 'charset') return undefined;
      const converted = conversion.convert(text);
      if (converted.ok) replaceResponseBody(response, converted.text, conversion.contentType);
      return undefined;
    },
  };
}

function convertRequest(conversion: BodyConversion, exchange: Exchange, body: Buffer): Verdict {
  if (body.length === 0) return undefined;
  const headers = exchange.requestHeaders;
  const text = bodyText(body, headers['content-encoding'], headers['content-type'], exchange.maxBodyBytes);
  if (text === 'too-large') {
    return reject('PAYLOAD_TOO_LARGE', `the request body is larger than ${exchange.maxBodyBytes} bytes once decompressed`, {
      connection: 'close',
    });
  }
  if (text === 'encoding') return reject('UNSUPPORTED_MEDIA_TYPE', `the request body's content encoding cannot be read`);
  if (text === 'charset') return reject('UNSUPPORTED_MEDIA_TYPE', `the request body's charset is not supported`);
  const converted = conversion.convert(text);
  if (!converted.ok) return reject('VALIDATION_FAILED', `the request body is not valid ${conversion.from}: ${converted.reason}`);
  delete headers['content-encoding'];
  exchange.replaceBody(converted.text, conversion.contentType);
  return undefined;
}
