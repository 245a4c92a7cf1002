import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/** Timeouts and size limits of the gateway's HTTP listener. */
export interface ListenerLimits {
  /** Time to receive the request headers (slowloris). */
  headersTimeoutMs: number;
  /** Time to receive the whole request. */
  requestTimeoutMs: number;
  /** Idle time before a keep-alive connection is closed. */
  keepAliveTimeoutMs: number;
  /** Largest header section; larger → 431. */
  maxHeaderBytes: number;
}

export const DEFAULT_LISTENER_LIMITS: ListenerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
  keepAliveTimeoutMs: 5_000,
  maxHeaderBytes: 16 * 1024,
};

/** Status and reason for a request the parser refused. */
function refusal(error: Error & { code?: string }): [number, string] {
  if (error.code === 'HPE_HEADER_OVERFLOW') return [431, 'Request Header Fields Too Large'];
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return [408, 'Request Timeout'];
  return [400, 'Bad Request'];
}

/**
 * The gateway's listener: plain node:http with explicit limits. Requests the parser refuses
 * (smuggling attempts such as Transfer-Encoding with Content-Length, duplicate Content-Length,
 * malformed chunking; oversized headers) get a short error and the connection is closed.
 */
export function createListener(limits: ListenerLimits, handler: (request: IncomingMessage, response: ServerResponse) => void): Server {
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      maxHeaderSize: limits.maxHeaderBytes,
      // Node checks both timeouts only this often (30 s by default, which would let a slowloris
      // connection outlive headersTimeout many times over).
      connectionsCheckingInterval: Math.min(1_000, Math.max(100, Math.floor(limits.headersTimeoutMs / 2))),
      // The pipeline refuses a missing Host itself, with a problem body like every other refusal.
      requireHostHeader: false,
      noDelay: true,
    },
    handler,
  );
  server.on('clientError', (error: Error & { code?: string }, socket: Duplex) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const [status, reason] = refusal(error);
    const body = JSON.stringify({
      type: 'about:blank',
      title: reason,
      status,
      code: 'VALIDATION_FAILED',
      detail: 'the request is malformed',
    });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  return server;
}
