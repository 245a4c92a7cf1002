import { constants } from 'node:buffer';
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';

/** The media type of a Content-Type value, lower case, without parameters ('' when absent). */
export function mediaTypeOf(contentType: string | string[] | number | undefined): string {
  if (typeof contentType !== 'string') return '';
  const semicolon = contentType.indexOf(';');
  return (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
}

/** `application/xml`, `text/xml` or any `+xml` suffix, e.g. `application/soap+xml`. */
export function isXmlMediaType(mediaType: string): boolean {
  return mediaType === 'application/xml' || mediaType === 'text/xml' || (mediaType.endsWith('+xml') && mediaType.includes('/'));
}

/** `application/json` or any `+json` structured syntax suffix (RFC 6839), e.g. `application/merge-patch+json`. */
export function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || (mediaType.endsWith('+json') && mediaType.includes('/'));
}

/** Why a body could not be turned into text. */
export type Undecodable = 'encoding' | 'too-large' | 'charset';

/**
 * A body as text: undone `Content-Encoding` (gzip, deflate, br; at most `maxBytes` once
 * inflated, so a small compressed bomb cannot fill memory), then decoded with the
 * Content-Type's charset (UTF-8 by default; a BOM is dropped).
 */
export function bodyText(
  body: Buffer,
  contentEncoding: string | string[] | number | undefined,
  contentType: string | string[] | number | undefined,
  maxBytes: number,
): string | Undecodable {
  let bytes: Buffer;
  try {
    const inflated = inflate(body, typeof contentEncoding === 'string' ? contentEncoding.trim().toLowerCase() : '', maxBytes);
    if (inflated === undefined) return 'encoding';
    bytes = inflated;
  } catch (error) {
    return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'too-large' : 'encoding';
  }
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(typeof contentType === 'string' ? contentType : '')?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return 'charset';
  }
}

function inflate(body: Buffer, encoding: string, maxBytes: number): Buffer | undefined {
  const options = { maxOutputLength: Math.min(maxBytes, constants.MAX_LENGTH) };
  switch (encoding) {
    case '':
    case 'identity':
      return body;
    case 'gzip':
    case 'x-gzip':
      return gunzipSync(body, options);
    case 'deflate':
      // "deflate" is meant to be zlib-wrapped; some servers send it raw.
      try {
        return inflateSync(body, options);
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw error;
        return inflateRawSync(body, options);
      }
    case 'br':
      return brotliDecompressSync(body, options);
    default:
      // Several codings ("gzip, br") or unknown ones: not undone.
      return undefined;
  }
}
