import type { OutgoingHttpHeader, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Flow, TraceStep } from '@tollgate/domain';
import { isReply, type Verdict } from '../policies/kit.js';
import type { ActiveTraceSession, PolicyStep } from '../snapshot/snapshot.js';

/** Bytes of a request or response body a trace keeps; the rest is only counted. */
export const TRACE_BODY_CAP = 16 * 1024;

/** The first bytes of a body (up to {@link TRACE_BODY_CAP}) and its whole size. */
export interface BodySample {
  bytes: Buffer;
  size: number;
}

/**
 * What is recorded of one traced call while it runs: its policy steps, the client's request
 * body, and the response head and body as written to the client. Exists only for traced calls
 * (`exchange.trace`), so closures and wrappers here never touch the common path.
 */
export class TraceCapture {
  readonly steps: TraceStep[] = [];
  /** The client's request body as read before the flows ran (policies may later replace what is forwarded). */
  requestBody: BodySample | undefined = undefined;
  /** The response headers as written with the head; undefined until then. */
  responseHeaders: OutgoingHttpHeaders | undefined = undefined;
  private readonly responseChunks: Buffer[] = [];
  private responseKept = 0;
  private responseSize = 0;

  constructor(readonly session: ActiveTraceSession) {}

  /** Records a step that ran from `startedAt` (`performance.now()`) until now; `threw`: its handler threw or its promise rejected. */
  step(flow: Flow, step: PolicyStep, verdict: Verdict, startedAt: number, threw: boolean): void {
    const durationMs = performance.now() - startedAt;
    const { policyId, type } = step;
    let recorded: TraceStep;
    if (verdict === undefined) recorded = { flow, policyId, type, outcome: 'continued', durationMs };
    else if (isReply(verdict)) recorded = { flow, policyId, type, outcome: 'replied', status: verdict.status, durationMs };
    else recorded = { flow, policyId, type, outcome: threw ? 'failed' : 'rejected', code: verdict.code, durationMs };
    this.steps.push(recorded);
  }

  /** Keeps the first bytes of the client's request body. */
  sampleRequestBody(body: Buffer): void {
    this.requestBody = { bytes: Buffer.from(body.subarray(0, TRACE_BODY_CAP)), size: body.length };
  }

  /** The response body written to the client; undefined when nothing was. */
  get responseBody(): BodySample | undefined {
    if (this.responseSize === 0) return undefined;
    return { bytes: Buffer.concat(this.responseChunks, this.responseKept), size: this.responseSize };
  }

  /**
   * Watches this one response: its head (status and headers as sent) and the bytes of its body,
   * whoever writes them (the forwarder, a policy's reply, a problem body). Wraps the instance's
   * own `writeHead`, `write` and `end`; other responses are untouched.
   */
  watch(response: ServerResponse): void {
    const capture = this;
    const { writeHead, write, end } = response;
    response.writeHead = function (this: ServerResponse, ...args: unknown[]) {
      const result = Reflect.apply(writeHead, this, args) as ServerResponse;
      capture.noteHead(this, args);
      return result;
    } as ServerResponse['writeHead'];
    response.write = function (this: ServerResponse, ...args: unknown[]) {
      capture.noteBody(args[0], args[1]);
      return Reflect.apply(write, this, args) as boolean;
    } as ServerResponse['write'];
    response.end = function (this: ServerResponse, ...args: unknown[]) {
      capture.noteBody(args[0], args[1]);
      return Reflect.apply(end, this, args) as ServerResponse;
    } as ServerResponse['end'];
  }

  /** `writeHead(status, [reason], [headers])`: the headers set before, and those it was given. */
  private noteHead(response: ServerResponse, args: unknown[]): void {
    const headers: OutgoingHttpHeaders = { ...response.getHeaders() };
    const given = typeof args[1] === 'string' ? args[2] : args[1];
    if (Array.isArray(given)) {
      // A flat list: name, value, name, value…
      for (let i = 0; i + 1 < given.length; i += 2) headers[String(given[i]).toLowerCase()] = given[i + 1] as OutgoingHttpHeader;
    } else if (typeof given === 'object' && given !== null) {
      for (const [name, value] of Object.entries(given as OutgoingHttpHeaders)) {
        if (value !== undefined) headers[name.toLowerCase()] = value;
      }
    }
    this.responseHeaders = headers;
  }

  /** One chunk given to `write` or `end` (`end()` and `end(callback)` give none). */
  private noteBody(chunk: unknown, encoding: unknown): void {
    let bytes: Buffer;
    if (typeof chunk === 'string')
      bytes = Buffer.from(chunk, typeof encoding === 'string' && Buffer.isEncoding(encoding) ? encoding : 'utf8');
    else if (chunk instanceof Uint8Array) bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    else return;
    this.responseSize += bytes.length;
    const room = TRACE_BODY_CAP - this.responseKept;
    if (room <= 0 || bytes.length === 0) return;
    const kept = Buffer.from(bytes.subarray(0, room));
    this.responseChunks.push(kept);
    this.responseKept += kept.length;
  }
}
