import { once } from 'node:events';
import { type AddressInfo, connect, createServer } from 'node:net';
import { timerSet } from './timers.js';

/** One HTTP/1.1 response as read off a raw socket. */
export interface RawResponse {
  /** e.g. `HTTP/1.1 400 Bad Request`; '' when the server sent nothing. */
  statusLine: string;
  /** 0 when the server sent no status line. */
  status: number;
  /** Lower-case names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** The body, de-chunked, as UTF-8 text. */
  body: string;
  /** The whole response was received (as framed by Content-Length or chunking). */
  complete: boolean;
  /** The server ended or reset the connection (rather than keeping it open). */
  closedByServer: boolean;
}

/** How {@link rawRequest} writes and how long it waits. */
export interface RawRequestOptions {
  /** Pause between the parts of the request (default 0): trickles a request, as slowloris does. */
  partDelayMs?: number;
  /** After a complete response, how long to wait for the server to close (default 300 ms). */
  closeGraceMs?: number;
  /** Guard: resolve with whatever arrived after this long (default 5 s); never an assertion on speed. */
  timeoutMs?: number;
}

interface Parsed {
  statusLine: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  complete: boolean;
}

const HEAD_END = Buffer.from('\r\n\r\n');

/** Decodes a chunked body; undefined while incomplete or malformed. */
function dechunk(data: Buffer): Buffer | undefined {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', offset);
    if (lineEnd === -1) return undefined;
    const size = Number.parseInt(data.subarray(offset, lineEnd).toString('latin1').split(';')[0] ?? '', 16);
    if (!Number.isFinite(size)) return undefined;
    // The last chunk: complete once its (possibly empty) trailer section ends with an empty line.
    if (size === 0) return data.indexOf(HEAD_END, lineEnd) === -1 ? undefined : Buffer.concat(parts);
    const start = lineEnd + 2;
    if (data.length < start + size + 2) return undefined;
    parts.push(data.subarray(start, start + size));
    offset = start + size + 2;
  }
}

/** Parses the first final (non-1xx) response in `data`. */
function parse(data: Buffer, closed: boolean): Parsed {
  let offset = 0;
  for (;;) {
    const headEnd = data.indexOf(HEAD_END, offset);
    if (headEnd === -1) {
      const statusLine = data.subarray(offset).toString('latin1').split('\r\n')[0] ?? '';
      return {
        statusLine,
        status: Number(/^HTTP\/\d\.\d (\d{3})/.exec(statusLine)?.[1] ?? 0),
        headers: {},
        body: Buffer.alloc(0),
        complete: false,
      };
    }
    const [statusLine = '', ...lines] = data.subarray(offset, headEnd).toString('latin1').split('\r\n');
    const status = Number(/^HTTP\/\d\.\d (\d{3})/.exec(statusLine)?.[1] ?? 0);
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      if (colon === -1) continue;
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
    }
    const rest = data.subarray(headEnd + 4);
    if (status >= 100 && status < 200) {
      offset = headEnd + 4;
      continue;
    }
    if (headers['transfer-encoding']?.toLowerCase().includes('chunked')) {
      const body = dechunk(rest);
      return { statusLine, status, headers, body: body ?? rest, complete: body !== undefined };
    }
    if (headers['content-length'] !== undefined) {
      const length = Number(headers['content-length']);
      return { statusLine, status, headers, body: rest.subarray(0, length), complete: rest.length >= length };
    }
    // No framing: the body runs to the end of the connection (or there is none, e.g. 204).
    return { statusLine, status, headers, body: rest, complete: closed || status === 204 || status === 304 };
  }
}

/**
 * Writes `bytes` to 127.0.0.1:`port` over a plain TCP socket (node:net, so nothing normalises or
 * validates what is sent) and reads one response. Resolves once the response is complete and the
 * server closed the connection or kept it open for `closeGraceMs`, or when the server closed it
 * first, or at the `timeoutMs` guard. Never half-closes its side: a server that closes does so on
 * its own. Rejects only when the connection cannot be made (e.g. ECONNREFUSED).
 *
 * `bytes` may be a list of parts, written `partDelayMs` apart, to trickle a request.
 */
export function rawRequest(
  port: number,
  bytes: string | Uint8Array | ReadonlyArray<string | Uint8Array>,
  options: RawRequestOptions = {},
): Promise<RawResponse> {
  const parts = typeof bytes === 'string' || bytes instanceof Uint8Array ? [bytes] : bytes;
  const { partDelayMs = 0, closeGraceMs = 300, timeoutMs = 5_000 } = options;
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    const timers = timerSet();
    let connected = false;
    let settled = false;
    let closedByServer = false;
    let graceStarted = false;

    const later = timers.later;
    const finish = () => {
      if (settled) return;
      settled = true;
      timers.clear();
      socket.destroy();
      const { statusLine, status, headers, body, complete } = parse(Buffer.concat(chunks), closedByServer);
      resolve({ statusLine, status, headers, body: body.toString('utf8'), complete, closedByServer });
    };
    const serverClosed = () => {
      closedByServer = true;
      finish();
    };
    const writePart = (index: number) => {
      const part = parts[index];
      if (settled || part === undefined || !socket.writable) return;
      socket.write(part);
      if (index + 1 < parts.length) later(partDelayMs, () => writePart(index + 1));
    };

    later(timeoutMs, finish);
    socket.on('connect', () => {
      connected = true;
      writePart(0);
    });
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (!graceStarted && parse(Buffer.concat(chunks), false).complete) {
        graceStarted = true;
        later(closeGraceMs, finish);
      }
    });
    socket.on('end', serverClosed);
    socket.on('error', (error) => {
      if (!connected) {
        settled = true;
        timers.clear();
        socket.destroy();
        reject(error);
        return;
      }
      // EPIPE or ECONNRESET: the server closed (or reset) the connection.
      serverClosed();
    });
    socket.on('close', () => {
      if (!settled) serverClosed();
    });
  });
}

/** A TCP port on 127.0.0.1 nothing listens on (bound, then released): connections to it are refused. */
export async function unusedPort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}
