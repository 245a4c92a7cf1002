import { constants as bufferConstants } from 'node:buffer';
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync, type ZlibOptions } from 'node:zlib';

/**
 * The decoded bytes of a backend's compressed answer, so a response policy can read it while
 * the client still receives the original bytes. Decoding stops past `maxBytes` (a
 * decompression bomb costs at most that much). Returns a reason instead when the coding is
 * unknown, stacked (`gzip, br`), corrupt or inflates past the cap.
 */
export function decodeContentEncoding(body: Buffer, encoding: string | undefined, maxBytes: number): Buffer | string {
  const coding = encoding?.trim().toLowerCase() ?? '';
  if (coding === '' || coding === 'identity') return body;
  const options: ZlibOptions = { maxOutputLength: Math.min(maxBytes, bufferConstants.MAX_LENGTH) };
  try {
    switch (coding) {
      case 'gzip':
      case 'x-gzip':
        return gunzipSync(body, options);
      case 'br':
        return brotliDecompressSync(body, options);
      case 'deflate':
        // RFC 9110 deflate is zlib-wrapped; some servers send it raw.
        try {
          return inflateSync(body, options);
        } catch {
          return inflateRawSync(body, options);
        }
      default:
        return `its Content-Encoding '${coding}' cannot be decoded`;
    }
  } catch (error) {
    return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE'
      ? `it inflates past ${maxBytes} bytes`
      : `its ${coding} encoding is corrupt`;
  }
}
