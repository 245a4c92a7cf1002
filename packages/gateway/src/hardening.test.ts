import { createHash } from 'node:crypto';
import { get, type IncomingMessage } from 'node:http';
import type { GatewayConfig } from '@tollgate/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ECHO,
  type EchoedRequest,
  type EchoReply,
  type EchoUpstream,
  echoStreamSha256,
  makeGatewayConfig,
  makeGatewayKey,
  makeGatewayProduct,
  makePolicy,
  makeProject,
  makeResource,
  type RawResponse,
  rawRequest,
  startEchoUpstream,
  startTestGateway,
  type TestGateway,
  type TestGatewayOptions,
  unusedPort,
} from './testing/index.js';

const API_KEY = 'tg_k_hardening-suite-key';
const MAX_BODY_BYTES = 1024;

/**
 * Four deployed projects behind one echo upstream:
 * - `/api`: open, no resources (every path), forwards under `/backend`;
 * - `/ctx`: resources `/public/**` (open) and `/admin/**` (a resource-scoped verify-api-key), and
 *   `/items/{id}` (GET, PUT), forwards under `/svc`;
 * - `/slow`: a 300 ms target timeout;
 * - `/down`: a target nothing listens on.
 */
function hardeningConfig(upstream: EchoUpstream, refusedPort: number): GatewayConfig {
  return makeGatewayConfig({
    projects: [
      makeProject({ id: 'open', contextPath: '/api', target: { url: `${upstream.url}/backend`, timeoutMs: 5_000 } }),
      makeProject({
        id: 'ctx',
        contextPath: '/ctx',
        target: { url: `${upstream.url}/svc/`, timeoutMs: 5_000 },
        resources: [
          makeResource({ id: 'public', path: '/public', acceptChildPaths: true }),
          makeResource({ id: 'admin', path: '/admin', acceptChildPaths: true }),
          makeResource({ id: 'items', path: '/items/{id}', methods: ['GET', 'PUT'] }),
        ],
        policies: [makePolicy({ id: 'admin-key', type: 'verify-api-key', resourceId: 'admin' })],
      }),
      makeProject({ id: 'slow', contextPath: '/slow', target: { url: upstream.url, timeoutMs: 300 } }),
      makeProject({ id: 'down', contextPath: '/down', target: { url: `http://127.0.0.1:${refusedPort}`, timeoutMs: 5_000 } }),
    ],
    products: [makeGatewayProduct({ id: 'test-product', projectIds: ['ctx'] })],
    keys: [makeGatewayKey(API_KEY)],
  });
}

/** A request as raw bytes: the lines of the head, the empty line, then the body as given. */
function http1(lines: readonly string[], body = ''): string {
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

/** Sends one raw request when the test does not care whether the connection stays open (no close grace). */
function send(gw: TestGateway, lines: readonly string[]): Promise<RawResponse> {
  return rawRequest(gw.port, http1(lines), { closeGraceMs: 0 });
}

/** The gateway's own refusals (parser errors included) are problem documents, not bare status lines. */
function expectRefusal(response: RawResponse, status: number): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toBe('application/problem+json');
  expect(response.closedByServer).toBe(true);
}

function problemOf(response: RawResponse): { code?: string; status?: number } {
  expect(response.headers['content-type']).toBe('application/problem+json');
  return JSON.parse(response.body) as { code?: string; status?: number };
}

async function problemOfFetch(response: Response): Promise<{ code?: string; status?: number }> {
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  return (await response.json()) as { code?: string; status?: number };
}

let upstream: EchoUpstream;
let gateway: TestGateway | undefined;
let refusedPort: number;

async function startGateway(options: TestGatewayOptions = {}): Promise<TestGateway> {
  gateway = await startTestGateway(hardeningConfig(upstream, refusedPort), options);
  return gateway;
}

/**
 * Sends a well-formed request (so the node provably still serves) and returns the paths the
 * upstream has received by the time it was answered.
 */
async function upstreamPathsAfterFollowUp(gw: TestGateway): Promise<string[]> {
  const response = await fetch(`${gw.url}/api/follow-up`);
  expect(response.status).toBe(200);
  await response.arrayBuffer();
  return upstream.received.map((request) => request.url);
}

/** The upstream requests other than the follow-up, once each of their bodies has ended. */
async function endedRequestsBesidesFollowUp(): Promise<EchoedRequest[]> {
  const others = upstream.received.filter((request) => request.url !== '/backend/follow-up');
  await Promise.all(others.map((request) => request.ended));
  return others;
}

beforeEach(async () => {
  upstream = await startEchoUpstream();
  refusedPort = await unusedPort();
});

afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
  await upstream.close();
});

describe('gateway: request smuggling', () => {
  it.each([
    ['Content-Length first', ['Content-Length: 6', 'Transfer-Encoding: chunked']],
    ['Transfer-Encoding first', ['Transfer-Encoding: chunked', 'Content-Length: 6']],
  ])('answers 400 to Transfer-Encoding with Content-Length (%s), closes the connection and forwards nothing', async (_, framing) => {
    const gw = await startGateway();
    const smuggled = http1(['GET /api/smuggled HTTP/1.1', 'Host: gw']);
    const response = await rawRequest(gw.port, http1(['POST /api/front HTTP/1.1', 'Host: gw', ...framing], `0\r\n\r\n${smuggled}`));
    expectRefusal(response, 400);
    expect(await upstreamPathsAfterFollowUp(gw)).toEqual(['/backend/follow-up']);
  });

  it.each([
    ['the same value', ['Content-Length: 5', 'Content-Length: 5']],
    ['different values', ['Content-Length: 5', 'Content-Length: 44']],
    ['a list of values', ['Content-Length: 5, 5']],
  ])('answers 400 to a duplicate Content-Length with %s and closes the connection', async (_, framing) => {
    const gw = await startGateway();
    const response = await rawRequest(
      gw.port,
      http1(['POST /api/front HTTP/1.1', 'Host: gw', ...framing], `hello${http1(['GET /api/smuggled HTTP/1.1', 'Host: gw'])}`),
    );
    expectRefusal(response, 400);
    expect(await upstreamPathsAfterFollowUp(gw)).toEqual(['/backend/follow-up']);
  });

  it.each([
    ['a chunk size that is not hex', 'zz\r\nhello\r\n0\r\n\r\n'],
    ['a chunk without its CRLF', '5\r\nhelloXX0\r\n\r\n'],
    ['a chunk size that overflows', 'fffffffffffffffffff\r\nhello\r\n0\r\n\r\n'],
    ['a negative chunk size', '-5\r\nhello\r\n0\r\n\r\n'],
  ])('answers 400 to a chunked body with %s and closes the connection; the upstream gets no complete body', async (_, body) => {
    const gw = await startGateway();
    const response = await rawRequest(gw.port, http1(['POST /api/front HTTP/1.1', 'Host: gw', 'Transfer-Encoding: chunked'], body));
    expectRefusal(response, 400);
    await upstreamPathsAfterFollowUp(gw);
    for (const request of await endedRequestsBesidesFollowUp()) expect(request.complete).toBe(false);
  });

  it.each([
    ['chunked, identity', ['Transfer-Encoding: chunked, identity']],
    ['chunked then identity on two lines', ['Transfer-Encoding: chunked', 'Transfer-Encoding: identity']],
    ['a space before the colon', ['Transfer-Encoding : chunked']],
    ['xchunked', ['Transfer-Encoding: xchunked']],
    ['identity', ['Transfer-Encoding: identity']],
  ])('answers 400 to the ambiguous Transfer-Encoding %s and closes the connection', async (_, framing) => {
    const gw = await startGateway();
    const response = await rawRequest(
      gw.port,
      http1(
        ['POST /api/front HTTP/1.1', 'Host: gw', ...framing],
        `5\r\nhello\r\n0\r\n\r\n${http1(['GET /api/smuggled HTTP/1.1', 'Host: gw'])}`,
      ),
    );
    expectRefusal(response, 400);
    expect(await upstreamPathsAfterFollowUp(gw)).toEqual(['/backend/follow-up']);
  });
});

describe('gateway: http hardening', () => {
  it('answers 431 to a header section larger than maxHeaderBytes and forwards nothing', async () => {
    const gw = await startGateway({ limits: { maxHeaderBytes: 2048 } });
    const response = await rawRequest(gw.port, http1(['GET /api/big-headers HTTP/1.1', 'Host: gw', `X-Big: ${'a'.repeat(4096)}`]));
    expectRefusal(response, 431);
    expect(await upstreamPathsAfterFollowUp(gw)).toEqual(['/backend/follow-up']);
  });

  it('answers 413 PAYLOAD_TOO_LARGE to a Content-Length over maxBodyBytes without reaching the upstream', async () => {
    const gw = await startGateway({ maxBodyBytes: MAX_BODY_BYTES });
    const body = 'x'.repeat(MAX_BODY_BYTES + 1);
    const response = await rawRequest(
      gw.port,
      http1(['POST /api/upload HTTP/1.1', 'Host: gw', `Content-Length: ${body.length}`, 'Content-Type: text/plain'], body),
    );
    expect(response.status).toBe(413);
    expect(problemOf(response)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
    expect(response.closedByServer).toBe(true);
    expect(await upstreamPathsAfterFollowUp(gw)).toEqual(['/backend/follow-up']);
  });

  it('forwards a body of exactly maxBodyBytes', async () => {
    const gw = await startGateway({ maxBodyBytes: MAX_BODY_BYTES });
    const body = 'y'.repeat(MAX_BODY_BYTES);
    const response = await fetch(`${gw.url}/api/upload`, { method: 'POST', body });
    expect(response.status).toBe(200);
    expect(((await response.json()) as EchoReply).bodyBytes).toBe(MAX_BODY_BYTES);
  });

  it('answers 413 PAYLOAD_TOO_LARGE to a chunked body over maxBodyBytes; the upstream gets no complete body', async () => {
    const gw = await startGateway({ maxBodyBytes: MAX_BODY_BYTES });
    const chunk = `200\r\n${'z'.repeat(0x200)}\r\n`;
    const response = await rawRequest(
      gw.port,
      http1(['POST /api/upload HTTP/1.1', 'Host: gw', 'Transfer-Encoding: chunked'], `${chunk.repeat(6)}0\r\n\r\n`),
    );
    expect(response.status).toBe(413);
    expect(problemOf(response)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    await upstreamPathsAfterFollowUp(gw);
    for (const request of await endedRequestsBesidesFollowUp()) {
      expect(request.complete).toBe(false);
      expect(request.bodyBytes).toBeLessThanOrEqual(MAX_BODY_BYTES);
    }
  });

  it('closes a slowloris connection whose header section never ends', async () => {
    const gw = await startGateway({ limits: { headersTimeoutMs: 500 } });
    const trickle = ['GET /api/slowloris HTTP/1.1\r\nHost: gw\r\n', ...Array.from({ length: 200 }, (_, i) => `X-Pad-${i}: ${i}\r\n`)];
    // The guard only bounds the test; the assertion is that the server, not the guard, ends it.
    const response = await rawRequest(gw.port, trickle, { partDelayMs: 50, timeoutMs: 8_000 });
    expect(response.closedByServer).toBe(true);
    expect(await upstreamPathsAfterFollowUp(gw)).toEqual(['/backend/follow-up']);
  });

  it.each([
    ['a request line of one word', 'GARBAGE\r\n\r\n'],
    ['a request line without a target', 'GET\r\nHost: gw\r\n\r\n'],
    ['a request line with extra words', 'GET /api/x HTTP/1.1 extra\r\nHost: gw\r\n\r\n'],
    ['an unknown protocol', 'GET /api/x SPDY/3\r\nHost: gw\r\n\r\n'],
    ['a header line without a colon', 'GET /api/x HTTP/1.1\r\nHost gw\r\n\r\n'],
    ['a NUL in the target', 'GET /api/x\u0000y HTTP/1.1\r\nHost: gw\r\n\r\n'],
    ['a missing Host', 'GET /api/x HTTP/1.1\r\n\r\n'],
    ['a TLS ClientHello', Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03, 0x0d, 0x0a, 0x0d, 0x0a])],
    ['random bytes', Buffer.from(Array.from({ length: 256 }, (_, i) => (i * 97 + 13) % 256))],
  ])('answers 400 problem+json to %s, closes the connection and keeps serving', async (_, bytes) => {
    const gw = await startGateway();
    const response = await rawRequest(gw.port, bytes);
    expectRefusal(response, 400);
    expect(await upstreamPathsAfterFollowUp(gw)).toEqual(['/backend/follow-up']);
  });
});

describe('gateway: path normalisation', () => {
  it.each([
    '/ctx/public/%2e%2e/admin',
    '/ctx/public/%2E%2E/admin/users',
    '/ctx/public/../admin',
    '/ctx/public/.%2e/admin',
    '/ctx//public/./../admin',
    '/ctx/public/x/%2e%2e/%2e%2e/admin',
    '/ctx/%61dmin',
  ])('applies the key-protected resource to %s, which normalises into /admin', async (target) => {
    const gw = await startGateway();
    const response = await send(gw, [`GET ${target} HTTP/1.1`, 'Host: gw']);
    expect(response.status).toBe(401);
    expect(problemOf(response)).toMatchObject({ code: 'API_KEY_MISSING' });
    expect(await upstreamPathsAfterFollowUp(gw)).toEqual(['/backend/follow-up']);
  });

  it('forwards a dot-segment path to the upstream in its normalised form', async () => {
    const gw = await startGateway();
    const response = await send(gw, ['GET /ctx/public/%2e%2e/admin/./users?page=2 HTTP/1.1', 'Host: gw', `X-Api-Key: ${API_KEY}`]);
    expect(response.status).toBe(200);
    expect((JSON.parse(response.body) as EchoReply).url).toBe('/svc/admin/users?page=2');
  });

  it('forwards an open path with dot and empty segments in its normalised form', async () => {
    const gw = await startGateway();
    const response = await send(gw, ['GET /ctx//public/./docs/../guide HTTP/1.1', 'Host: gw']);
    expect(response.status).toBe(200);
    expect((JSON.parse(response.body) as EchoReply).url).toBe('/svc/public/guide');
  });

  it('answers 404 ROUTE_NOT_FOUND when dot segments leave the project', async () => {
    const gw = await startGateway();
    const response = await send(gw, ['GET /ctx/public/%2e%2e/%2e%2e/admin HTTP/1.1', 'Host: gw']);
    expect(response.status).toBe(404);
    expect(problemOf(response)).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
    expect(await upstreamPathsAfterFollowUp(gw)).toEqual(['/backend/follow-up']);
  });

  it.each(['/ctx/public%2F..%2Fadmin', '/ctx/public%2fx', '/ctx/public/..%5Cadmin', '/ctx/public/..\\admin'])(
    'answers 400 to the encoded separator in %s',
    async (target) => {
      const gw = await startGateway();
      const response = await send(gw, [`GET ${target} HTTP/1.1`, 'Host: gw']);
      expect(response.status).toBe(400);
      expect(problemOf(response)).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(await upstreamPathsAfterFollowUp(gw)).toEqual(['/backend/follow-up']);
    },
  );
});

describe('gateway: forwarding', () => {
  it('does not forward hop-by-hop headers, headers named in Connection, or client x-tollgate-* headers', async () => {
    const gw = await startGateway();
    const response = await send(gw, [
      'GET /api/headers HTTP/1.1',
      'Host: gw.example',
      'Connection: keep-alive, X-Secret',
      'Keep-Alive: timeout=99',
      'Proxy-Connection: keep-alive',
      'TE: trailers',
      'Trailer: X-Checksum',
      'Upgrade: h2c',
      'Proxy-Authorization: Basic cHJveHk6c2VjcmV0',
      'X-Secret: do-not-forward',
      'X-Tollgate-Client: someone-else',
      'X-Kept: end-to-end',
    ]);
    expect(response.status).toBe(200);
    const { headers } = JSON.parse(response.body) as EchoReply;
    for (const name of [
      'keep-alive',
      'proxy-connection',
      'te',
      'trailer',
      'upgrade',
      'proxy-authorization',
      'x-secret',
      'x-tollgate-client',
    ]) {
      expect(headers).not.toHaveProperty(name);
    }
    expect(headers.connection ?? '').not.toMatch(/x-secret/i);
    expect(headers.host).toBe(`127.0.0.1:${upstream.port}`);
    expect(headers['x-kept']).toBe('end-to-end');
  });

  it("does not return the upstream's hop-by-hop headers or the headers its Connection names", async () => {
    const gw = await startGateway();
    const upstreamHeaders = {
      connection: 'keep-alive, X-Upstream-Secret',
      'keep-alive': 'timeout=99, max=7',
      'x-upstream-secret': 'internal',
      'proxy-authenticate': 'Basic realm="upstream"',
      upgrade: 'h2c',
      'x-kept': 'yes',
    };
    const response = await send(gw, [
      'GET /api/response-headers HTTP/1.1',
      'Host: gw',
      `${ECHO.responseHeaders}: ${JSON.stringify(upstreamHeaders)}`,
    ]);
    expect(response.status).toBe(200);
    expect(response.headers).not.toHaveProperty('x-upstream-secret');
    expect(response.headers).not.toHaveProperty('proxy-authenticate');
    expect(response.headers).not.toHaveProperty('upgrade');
    expect(response.headers['keep-alive'] ?? '').not.toContain('timeout=99');
    expect(response.headers.connection ?? '').not.toMatch(/x-upstream-secret/i);
    expect(response.headers['x-kept']).toBe('yes');
  });

  it('appends the client address to X-Forwarded-For', async () => {
    const gw = await startGateway();
    const response = await fetch(`${gw.url}/api/forwarded`, { headers: { 'x-forwarded-for': '203.0.113.7' } });
    const { headers } = (await response.json()) as EchoReply;
    expect(headers['x-forwarded-for']).toBe('203.0.113.7, 127.0.0.1');
  });

  it('sets X-Forwarded-For to the client address when the client sent none', async () => {
    const gw = await startGateway();
    const response = await fetch(`${gw.url}/api/forwarded`);
    const { headers } = (await response.json()) as EchoReply;
    expect(headers['x-forwarded-for']).toBe('127.0.0.1');
  });

  it('sets X-Forwarded-Proto and X-Forwarded-Host and appends itself to Via both ways', async () => {
    const gw = await startGateway();
    const response = await fetch(`${gw.url}/api/forwarded`, { headers: { via: '1.0 corp-proxy' } });
    const { headers } = (await response.json()) as EchoReply;
    expect(headers['x-forwarded-proto']).toBe('http');
    expect(headers['x-forwarded-host']).toBe(`127.0.0.1:${gw.port}`);
    expect(headers.via).toBe('1.0 corp-proxy, 1.1 tollgate');
    expect(response.headers.get('via')).toBe('1.1 tollgate');
  });

  it("passes the upstream's redirect through without following it", async () => {
    const gw = await startGateway();
    const location = `${upstream.url}/followed`;
    const response = await send(gw, ['GET /api/moved HTTP/1.1', 'Host: gw', `${ECHO.redirect}: ${location}`]);
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe(location);
    expect(upstream.received.map((request) => request.url)).toEqual(['/backend/moved']);
  });

  it('answers 502 UPSTREAM_UNAVAILABLE when the upstream refuses the connection', async () => {
    const gw = await startGateway();
    const response = await fetch(`${gw.url}/down/anything`);
    expect(response.status).toBe(502);
    expect(await problemOfFetch(response)).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
  });

  it('answers 502 UPSTREAM_UNAVAILABLE when the upstream drops the connection without answering', async () => {
    const gw = await startGateway();
    const response = await fetch(`${gw.url}/api/dropped`, { headers: { [ECHO.close]: '1' } });
    expect(response.status).toBe(502);
    expect(await problemOfFetch(response)).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
  });

  it('answers 504 UPSTREAM_TIMEOUT when the upstream does not answer within the target timeout', async () => {
    const gw = await startGateway();
    const response = await fetch(`${gw.url}/slow/late`, { headers: { [ECHO.delayMs]: '2000' } });
    expect(response.status).toBe(504);
    expect(await problemOfFetch(response)).toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
  });

  it('streams a 20 MB response intact', async () => {
    const size = 20 * 1024 * 1024;
    const gw = await startGateway();
    const response = await fetch(`${gw.url}/api/large`, { headers: { [ECHO.streamBytes]: String(size) } });
    expect(response.status).toBe(200);
    const hash = createHash('sha256');
    let received = 0;
    for await (const chunk of response.body ?? []) {
      received += chunk.length;
      hash.update(chunk);
    }
    expect(received).toBe(size);
    expect(hash.digest('hex')).toBe(echoStreamSha256(size));
  });

  it('stops reading from the upstream while the client does not read (back-pressure)', async () => {
    // Far more than the socket buffers between upstream and client can hold (about 8 MB here).
    const size = 64 * 1024 * 1024;
    const gw = await startGateway();
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      get(`${gw.url}/api/large`, { agent: false, headers: { [ECHO.streamBytes]: String(size) } }, resolve).on('error', reject);
    });
    response.pause();
    try {
      expect(response.statusCode).toBe(200);
      const [streamed] = await upstream.waitForRequests(1);
      if (streamed === undefined) throw new Error('the upstream saw no request');
      // Wait until the upstream either finished or has been held up by back-pressure for a while.
      let lastSent = -1;
      let stillChecks = 0;
      while (!streamed.responseFinished && stillChecks < 5) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        stillChecks = streamed.waitingForDrain && streamed.bytesSent === lastSent ? stillChecks + 1 : 0;
        lastSent = streamed.bytesSent;
      }
      expect(streamed.responseFinished).toBe(false);
      expect(streamed.bytesSent).toBeLessThan(size);

      const hash = createHash('sha256');
      let received = 0;
      response.on('data', (chunk: Buffer) => {
        received += chunk.length;
        hash.update(chunk);
      });
      const ended = new Promise((resolve, reject) => response.on('end', resolve).on('error', reject));
      response.resume();
      await ended;
      expect(received).toBe(size);
      expect(hash.digest('hex')).toBe(echoStreamSha256(size));
    } finally {
      response.destroy();
    }
  });
});

describe('gateway: routing', () => {
  it('answers 404 ROUTE_NOT_FOUND for a path no project is deployed at', async () => {
    const gw = await startGateway();
    const response = await fetch(`${gw.url}/nothing-here/at-all`);
    expect(response.status).toBe(404);
    expect(await problemOfFetch(response)).toMatchObject({ code: 'ROUTE_NOT_FOUND', status: 404 });
    expect(upstream.received).toEqual([]);
  });

  it('answers 404 ROUTE_NOT_FOUND for a path that matches no resource of its project', async () => {
    const gw = await startGateway();
    const response = await fetch(`${gw.url}/ctx/unknown`);
    expect(response.status).toBe(404);
    expect(await problemOfFetch(response)).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
    expect(upstream.received).toEqual([]);
  });

  it('does not match a context path that is only a prefix of a segment', async () => {
    const gw = await startGateway();
    const response = await fetch(`${gw.url}/apix/anything`);
    expect(response.status).toBe(404);
    expect(upstream.received).toEqual([]);
  });

  it('answers 405 METHOD_NOT_ALLOWED with an Allow header for a method the resource does not accept', async () => {
    const gw = await startGateway();
    const response = await fetch(`${gw.url}/ctx/items/7`, { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, PUT');
    expect(await problemOfFetch(response)).toMatchObject({ code: 'METHOD_NOT_ALLOWED' });
    expect(upstream.received).toEqual([]);
  });
});

describe('gateway: drain', () => {
  /**
   * Starts a request the upstream holds for a second; resolves, once the upstream has it and has
   * not answered yet, with the pending response (wrapped: an async function would otherwise wait for it).
   */
  async function requestInFlight(gw: TestGateway): Promise<{ response: Promise<RawResponse> }> {
    const response = rawRequest(gw.port, http1(['GET /api/in-flight HTTP/1.1', 'Host: gw', `${ECHO.delayMs}: 1000`]), {
      timeoutMs: 10_000,
    });
    const [held] = await upstream.waitForRequests(1);
    expect(held?.responseFinished).toBe(false);
    return { response };
  }

  it('lets an in-flight request complete with its full response after close() starts', async () => {
    const gw = await startGateway({ drainTimeoutMs: 10_000 });
    const inFlight = await requestInFlight(gw);
    const closing = gw.close();
    const response = await inFlight.response;
    expect(response.status).toBe(200);
    expect(response.complete).toBe(true);
    expect((JSON.parse(response.body) as EchoReply).url).toBe('/backend/in-flight');
    await closing;
  });

  it('refuses new connections once close() has started, while a request is still in flight', async () => {
    const gw = await startGateway({ drainTimeoutMs: 10_000 });
    const inFlight = await requestInFlight(gw);
    const closing = gw.close();
    await expect(rawRequest(gw.port, http1(['GET /api/late HTTP/1.1', 'Host: gw']))).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect((await inFlight.response).status).toBe(200);
    await closing;
  });

  it('answers an in-flight request with Connection: close and closes its connection once the response is complete', async () => {
    const gw = await startGateway({ drainTimeoutMs: 10_000 });
    const inFlight = await requestInFlight(gw);
    const closing = gw.close();
    const response = await inFlight.response;
    expect(response.status).toBe(200);
    expect(response.headers.connection).toBe('close');
    expect(response.closedByServer).toBe(true);
    await closing;
  });
});
