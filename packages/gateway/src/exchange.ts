import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import type { Project } from '@tollgate/domain';
import { decodeFormComponent } from './http/form.js';
import type { KeyEntry } from './policies/kit.js';
import type { CompiledResource } from './snapshot/router.js';
import type { CompiledProject, FlowChains } from './snapshot/snapshot.js';
import type { TraceCapture } from './trace/capture.js';

/** Thrown by {@link Exchange.readBody} when the body outgrows the node's limit; answered 413. */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`the request body is larger than ${limit} bytes`);
  }
}

/** The backend's answer as response-flow policies see and change it, before its head is sent. */
export interface ExchangeResponse {
  status: number;
  /** Lower-case names; hop-by-hop headers already removed. */
  headers: OutgoingHttpHeaders;
  /**
   * The whole body, when a response policy of the route reads bodies (`readsResponseBody`);
   * policies may replace it. Undefined: the body streams through untouched.
   */
  body: Buffer | undefined;
}

/**
 * One call through the gateway, as policies see it. Created once per request; policies read
 * it and change only what is forwarded (`requestHeaders`, the query) and `identity`.
 */
export class Exchange {
  /** Who is calling, once a key policy has recognised the key. */
  identity: KeyEntry | undefined = undefined;
  /** Headers the gateway adds to the client's response, forwarded or rejected (`RateLimit-*`, CORS). */
  responseHeaders: Record<string, string> | undefined = undefined;
  /** Remaining calls of the tightest limit applied so far: its `RateLimit-*` headers win. */
  private tightestRemaining = Number.POSITIVE_INFINITY;
  private completions: Array<() => void> | undefined = undefined;
  /** The path after the context path as it will be forwarded; starts as `remainder`, a rewrite may change it. */
  forwardRemainder: string;
  /** The request body once a policy read it; it is then forwarded from memory instead of streamed. */
  body: Buffer | undefined = undefined;
  /** The backend's status and headers, set before the response flows run. */
  response: ExchangeResponse | undefined = undefined;
  /** Request body bytes streamed upstream (chunked bodies; a declared length is read from the header). */
  bytesIn = 0;
  /** Response body bytes streamed to the client without a declared length. */
  bytesOut = 0;
  /** `performance.now()` when the request went upstream, and when the backend's head arrived (0: not yet). */
  backendStartedAt = 0;
  backendRespondedAt = 0;
  /** The backend's status once its head arrived (0: not yet). */
  backendStatus = 0;
  /** The headers of the forwarded answer as written to the client (the billing criteria read them). */
  sentHeaders: OutgoingHttpHeaders | undefined = undefined;
  /** What is recorded of the call when its project is being traced; undefined for every other call. */
  trace: TraceCapture | undefined = undefined;
  /** Largest body {@link readBody} accepts (the node's `maxBodyBytes`). */
  maxBodyBytes = Number.POSITIVE_INFINITY;

  constructor(
    readonly request: IncomingMessage,
    readonly requestId: string,
    readonly method: string,
    /** The normalised path, as routed and forwarded. */
    readonly path: string,
    /** Query string without `?` ('' when none), as forwarded. */
    public query: string,
    readonly compiled: CompiledProject,
    readonly resource: CompiledResource | undefined,
    /** The path after the context path ('' or starting with '/'). */
    readonly remainder: string,
    /** The headers that will be forwarded; policies may add, change or delete entries. */
    readonly requestHeaders: Record<string, string | string[]>,
    /** The policy chains of the matched route. */
    readonly chains: FlowChains,
  ) {
    this.forwardRemainder = remainder;
  }

  get project(): Project {
    return this.compiled.project;
  }

  private resolvedAddress: string | undefined = undefined;

  /**
   * The client's address: the socket's peer, unless a policy that knows the trusted proxies
   * (ip-filter) resolved the address behind them; limits keyed by `ip` then count that one.
   */
  get clientAddress(): string {
    return this.resolvedAddress ?? this.request.socket.remoteAddress ?? '';
  }

  set clientAddress(address: string) {
    this.resolvedAddress = address;
  }

  /** Adds a header to the client's response (wins over the backend's header of that name). */
  setResponseHeader(name: string, value: string): void {
    this.responseHeaders ??= {};
    this.responseHeaders[name] = value;
  }

  /**
   * Records a limit's state for the `RateLimit-Limit/-Remaining/-Reset` headers. With several
   * limits on one call, the one with the fewest calls left is reported (it binds first).
   */
  noteLimit(limit: number, remaining: number, resetSeconds: number): void {
    if (remaining >= this.tightestRemaining) return;
    this.tightestRemaining = remaining;
    this.setResponseHeader('ratelimit-limit', String(limit));
    this.setResponseHeader('ratelimit-remaining', String(remaining));
    this.setResponseHeader('ratelimit-reset', String(resetSeconds));
  }

  /** Runs `callback` once the client response is finished or its connection closed (e.g. to free a slot). */
  onComplete(callback: () => void): void {
    this.completions ??= [];
    this.completions.push(callback);
  }

  /** Whether anything waits for the end of the exchange. */
  get awaitsCompletion(): boolean {
    return this.completions !== undefined;
  }

  /** Called once by the pipeline when the response is over. */
  complete(): void {
    const callbacks = this.completions;
    this.completions = undefined;
    if (callbacks !== undefined) for (const callback of callbacks) callback();
  }

  /**
   * Reads the whole request body (once; later calls answer the same buffer). From then on the
   * body is forwarded from memory with a `Content-Length`. Throws {@link BodyTooLarge} past
   * `maxBodyBytes`. For policies that must see the body (threat protection, validation).
   */
  async readBody(): Promise<Buffer> {
    if (this.body !== undefined) return this.body;
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of this.request as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > this.maxBodyBytes) throw new BodyTooLarge(this.maxBodyBytes);
      chunks.push(chunk);
    }
    this.body = Buffer.concat(chunks, total);
    return this.body;
  }

  /** Replaces the body forwarded upstream (a transformation); the content length follows it. */
  replaceBody(body: Buffer | string, contentType?: string): void {
    this.body = typeof body === 'string' ? Buffer.from(body) : body;
    if (contentType !== undefined) this.requestHeaders['content-type'] = contentType;
  }

  /** The value of a request header as the client sent it (repeated headers joined by ', '). */
  header(name: string): string | undefined {
    const value = this.request.headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  }

  /** Removes a query parameter from what is forwarded and returns its (first) value. */
  takeQueryParameter(name: string): string | undefined {
    if (this.query === '') return undefined;
    let value: string | undefined;
    // Only the parameter's own pairs are removed; the others keep the client's exact encoding.
    const kept = this.query.split('&').filter((pair) => {
      const equals = pair.indexOf('=');
      const key = decodeFormComponent(equals === -1 ? pair : pair.slice(0, equals));
      if (key !== name) return true;
      value ??= decodeFormComponent(equals === -1 ? '' : pair.slice(equals + 1));
      return false;
    });
    if (value !== undefined) this.query = kept.join('&');
    return value;
  }
}
