import type { ServerResponse } from 'node:http';
import type { Trace, TraceSink } from '@tollgate/domain';
import type { Exchange } from '../exchange.js';
import type { GatewayLogger } from '../pipeline.js';
import type { ActiveTraceSession } from '../snapshot/snapshot.js';
import { TraceCapture } from './capture.js';
import { buildTrace, type FinishedCall } from './document.js';

/**
 * A node's trace recorder: decides which calls are traced (their project has a session, not
 * over, and this node has recorded fewer than its `maxCalls`), and hands each finished traced
 * call to the sink without the call waiting for it.
 */
export class TraceRecorder {
  /** Calls this node traced per session id. */
  private readonly counts = new Map<string, number>();
  private readonly writing = new Set<Promise<void>>();

  constructor(
    private readonly sink: TraceSink,
    private readonly logger: GatewayLogger,
    /** Epoch ms now. */
    private readonly now: () => number,
  ) {}

  /** Whether a call under `session` is traced now; a traced call counts towards the session's `maxCalls`. */
  admit(session: ActiveTraceSession): boolean {
    if (session.expiresAt <= this.now()) {
      this.counts.delete(session.sessionId);
      return false;
    }
    const count = this.counts.get(session.sessionId) ?? 0;
    if (count >= session.maxCalls) return false;
    this.counts.set(session.sessionId, count + 1);
    return true;
  }

  /**
   * Starts tracing the routed call when its project's session admits it: the exchange then
   * carries its capture (`exchange.trace`) and the response is watched. False: not traced.
   */
  begin(exchange: Exchange, response: ServerResponse): boolean {
    const session = exchange.compiled.trace;
    if (session === undefined || !this.admit(session)) return false;
    const capture = new TraceCapture(session);
    capture.watch(response);
    exchange.trace = capture;
    return true;
  }

  /** Builds the finished call's trace and writes it in the background; a failure is logged, never thrown. */
  finish(exchange: Exchange, response: ServerResponse, call: FinishedCall): void {
    const capture = exchange.trace;
    if (capture === undefined) return;
    let trace: Trace;
    try {
      trace = buildTrace(exchange, capture, response, call);
    } catch (error) {
      this.logger.warn({ err: error, requestId: exchange.requestId, sessionId: capture.session.sessionId }, 'cannot build a trace');
      return;
    }
    this.write(trace, capture.session.maxCalls);
  }

  /** Resolves once every trace handed to the sink so far is written (or failed). */
  async settled(): Promise<void> {
    await Promise.all(this.writing);
  }

  private write(trace: Trace, maxCalls: number): void {
    const failed = (error: unknown) =>
      this.logger.warn({ err: error, traceId: trace.id, sessionId: trace.sessionId }, 'cannot write a trace');
    let written: Promise<void>;
    try {
      written = this.sink.write(trace, maxCalls).then(() => undefined, failed);
    } catch (error) {
      failed(error);
      return;
    }
    this.writing.add(written);
    void written.then(() => this.writing.delete(written));
  }
}
