import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { timerSet } from './timers.js';

/**
 * Request headers that tell the echo upstream how to answer. They travel through the gateway like
 * any end-to-end header, so each test request says what it needs and tests never share state.
 */
export const ECHO = {
  /** Milliseconds to wait, after the whole request body arrived, before answering. */
  delayMs: 'x-echo-delay-ms',
  /** Status of the answer (default 200, or 302 with a redirect). */
  status: 'x-echo-status',
  /** Answer with this `Location` (status 302 unless `x-echo-status` says otherwise). */
  redirect: 'x-echo-redirect',
  /** `1`: destroy the socket as soon as the request headers arrive, without answering. */
  close: 'x-echo-close',
  /** Answer with this many bytes of a fixed pattern ({@link echoStreamSha256}) instead of the JSON description. */
  streamBytes: 'x-echo-stream-bytes',
  /** Size of each streamed write (default 64 KiB). */
  chunkBytes: 'x-echo-chunk-bytes',
  /** Pause between streamed writes (default 0). */
  chunkDelayMs: 'x-echo-chunk-delay-ms',
  /** JSON object of extra response headers, e.g. hop-by-hop ones the gateway must drop. */
  responseHeaders: 'x-echo-response-headers',
} as const;

/** What the echo upstream saw of one request, updated while the request and its answer progress. */
export interface EchoedRequest {
  method: string;
  /** The request target exactly as received (path and query). */
  url: string;
  httpVersion: string;
  /** Headers as node:http merges them (lower-case names). */
  headers: IncomingHttpHeaders;
  /** Headers in received order and spelling. */
  rawHeaders: string[];
  /** Body bytes received so far. */
  bodyBytes: number;
  /** SHA-256 (hex) of the body, once it was received completely. */
  bodySha256: string | undefined;
  /** The body arrived completely (its end was seen, not an abort). */
  complete: boolean;
  /** Resolves when the request body ends, completely or not. */
  ended: Promise<'complete' | 'aborted'>;
  /** Bytes of a streamed answer written so far. */
  bytesSent: number;
  /** A streamed answer is waiting for the gateway to drain it (back-pressure). */
  waitingForDrain: boolean;
  /** The whole answer was handed to the socket. */
  responseFinished: boolean;
}

/** The JSON body the echo upstream answers with. */
export interface EchoReply {
  method: string;
  url: string;
  httpVersion: string;
  headers: IncomingHttpHeaders;
  bodyBytes: number;
  bodySha256: string | undefined;
  /** The body as UTF-8 text when it is at most 64 KiB. */
  body: string | undefined;
}

/** A running echo upstream. */
export interface EchoUpstream {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** Every request received, in arrival order (recorded when its headers arrive). */
  received: EchoedRequest[];
  /** Resolves once at least `count` requests have arrived. */
  waitForRequests(count: number): Promise<EchoedRequest[]>;
  /** Cuts every connection, cancels pending answers and stops listening. */
  close(): Promise<void>;
}

const MAX_TEXT_BODY = 64 * 1024;
const PATTERN_PERIOD = 251;
const PATTERN = Buffer.from(Array.from({ length: 64 * 1024 + PATTERN_PERIOD }, (_, i) => i % PATTERN_PERIOD));

/** Bytes `offset … offset + length` of the streamed body: a repeating pattern whose period no chunk size divides. */
function streamSlice(offset: number, length: number): Buffer {
  const start = offset % PATTERN_PERIOD;
  if (length <= PATTERN.length - start) return PATTERN.subarray(start, start + length);
  const out = Buffer.allocUnsafe(length);
  for (let i = 0; i < length; i++) out[i] = (offset + i) % PATTERN_PERIOD;
  return out;
}

/**
 * SHA-256 (hex) of the `size` bytes the echo upstream streams for `x-echo-stream-bytes: size`, so a
 * test compares what arrived without holding the expected body in memory.
 */
export function echoStreamSha256(size: number): string {
  const hash = createHash('sha256');
  const chunk = 64 * 1024;
  for (let offset = 0; offset < size; offset += chunk) hash.update(streamSlice(offset, Math.min(chunk, size - offset)));
  return hash.digest('hex');
}

function numberHeader(request: IncomingMessage, name: string, fallback: number): number {
  const value = Number(request.headers[name]);
  return Number.isFinite(value) && request.headers[name] !== undefined ? value : fallback;
}

/**
 * Starts a real node:http server on 127.0.0.1 (a free port) that answers every request with JSON
 * describing what it received, after reading the whole body. Request headers ({@link ECHO}) make
 * it delay, stream a large body (with back-pressure), redirect or drop the connection: the
 * behaviours a gateway must handle, against a real socket rather than a mock.
 */
export async function startEchoUpstream(): Promise<EchoUpstream> {
  const received: EchoedRequest[] = [];
  const timers = timerSet();
  const waiters = new Set<() => void>();
  let closed = false;

  const later = timers.later;

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const hash = createHash('sha256');
    const textChunks: Buffer[] = [];
    let settle: (how: 'complete' | 'aborted') => void = () => {};
    const record: EchoedRequest = {
      method: request.method ?? '',
      url: request.url ?? '',
      httpVersion: request.httpVersion,
      headers: request.headers,
      rawHeaders: request.rawHeaders,
      bodyBytes: 0,
      bodySha256: undefined,
      complete: false,
      ended: new Promise((resolve) => {
        settle = resolve;
      }),
      bytesSent: 0,
      waitingForDrain: false,
      responseFinished: false,
    };
    received.push(record);
    for (const wake of waiters) wake();

    if (request.headers[ECHO.close] === '1') {
      settle('aborted');
      request.socket.destroy();
      return;
    }
    request.on('data', (chunk: Buffer) => {
      record.bodyBytes += chunk.length;
      hash.update(chunk);
      if (record.bodyBytes <= MAX_TEXT_BODY) textChunks.push(chunk);
    });
    request.on('close', () => settle(record.complete ? 'complete' : 'aborted'));
    request.on('end', () => {
      record.complete = true;
      record.bodySha256 = hash.digest('hex');
      settle('complete');
      later(numberHeader(request, ECHO.delayMs, 0), () => answer(request, response, record, textChunks));
    });
  });

  function answer(request: IncomingMessage, response: ServerResponse, record: EchoedRequest, textChunks: Buffer[]): void {
    if (response.destroyed) return;
    const extra = request.headers[ECHO.responseHeaders];
    const headers: Record<string, string> = typeof extra === 'string' ? (JSON.parse(extra) as Record<string, string>) : {};
    const redirect = request.headers[ECHO.redirect];
    if (typeof redirect === 'string') headers.location = redirect;
    const status = numberHeader(request, ECHO.status, redirect === undefined ? 200 : 302);

    const streamBytes = numberHeader(request, ECHO.streamBytes, -1);
    if (streamBytes >= 0) {
      response.writeHead(status, { ...headers, 'content-type': 'application/octet-stream' });
      streamBody(
        response,
        record,
        streamBytes,
        numberHeader(request, ECHO.chunkBytes, 64 * 1024),
        numberHeader(request, ECHO.chunkDelayMs, 0),
      );
      return;
    }
    const reply: EchoReply = {
      method: record.method,
      url: record.url,
      httpVersion: record.httpVersion,
      headers: record.headers,
      bodyBytes: record.bodyBytes,
      bodySha256: record.bodySha256,
      body: record.bodyBytes <= MAX_TEXT_BODY ? Buffer.concat(textChunks).toString('utf8') : undefined,
    };
    const body = JSON.stringify(reply);
    response.writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    response.end(body, () => {
      record.responseFinished = true;
    });
  }

  function streamBody(response: ServerResponse, record: EchoedRequest, total: number, chunkBytes: number, chunkDelayMs: number): void {
    const writeMore = (): void => {
      while (!response.destroyed && !closed) {
        if (record.bytesSent >= total) {
          response.end(() => {
            record.responseFinished = true;
          });
          return;
        }
        const length = Math.min(chunkBytes, total - record.bytesSent);
        const writable = response.write(streamSlice(record.bytesSent, length));
        record.bytesSent += length;
        if (!writable) {
          record.waitingForDrain = true;
          response.once('drain', () => {
            record.waitingForDrain = false;
            writeMore();
          });
          return;
        }
        if (chunkDelayMs > 0) {
          later(chunkDelayMs, writeMore);
          return;
        }
      }
    };
    writeMore();
  }

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    received,
    waitForRequests(count: number) {
      return new Promise((resolve) => {
        const check = () => {
          if (received.length < count) return;
          waiters.delete(check);
          resolve(received);
        };
        waiters.add(check);
        check();
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      timers.clear();
      waiters.clear();
      const stopped = once(server, 'close');
      server.close();
      server.closeAllConnections();
      await stopped;
    },
  };
}
