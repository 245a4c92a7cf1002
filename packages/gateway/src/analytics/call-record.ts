import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { type AnalyticsEvent, isBillable, type MeteredCall } from '@tollgate/domain';
import type { Exchange } from '../exchange.js';
import type { MeteringRecorder } from '../metering/recorder.js';
import type { GatewayMetrics } from '../metrics/gateway-metrics.js';
import type { TraceRecorder } from '../trace/recorder.js';
import type { EventRecorder } from './recorder.js';

/**
 * Where a node's finished calls go: its metrics, its analytics recorder (when it has a sink), its
 * trace recorder (when it has a trace sink), and the identity of every event.
 */
export interface CallRecording {
  recorder: EventRecorder | undefined;
  /** Decides which calls are traced and writes their traces; undefined: nothing is traced. */
  traces: TraceRecorder | undefined;
  /** Writes the calls of monetized products to the metering ledger; undefined: nothing is metered. */
  metering: MeteringRecorder | undefined;
  metrics: GatewayMetrics;
  serverGroupId: string;
  /** `host:port`, known once the node listens. */
  nodeId: string;
}

/** The catalogue code of an answer the gateway gave itself, set by `sendProblem`. */
export const ERROR_CODE = Symbol('tollgate.errorCode');

const CALL = Symbol('tollgate.call');

interface CallState {
  recording: CallRecording;
  requestId: string;
  request: IncomingMessage;
  receivedAt: number;
  started: number;
  exchange: Exchange | undefined;
  /** Set once the call went to the ledger before its answer ended (sync metering). */
  metered: boolean;
}

type TrackedResponse = ServerResponse & { [CALL]?: CallState; [ERROR_CODE]?: string };

/**
 * Starts tracking a call: when its response is finished (or the connection closes), one event
 * goes to the metrics and the recorder. One small object and a module-level listener per call, no closure.
 */
export function trackCall(recording: CallRecording, requestId: string, request: IncomingMessage, response: ServerResponse): void {
  (response as TrackedResponse)[CALL] = {
    recording,
    requestId,
    request,
    receivedAt: Date.now(),
    started: performance.now(),
    exchange: undefined,
    metered: false,
  };
  response.once('close', recordCall);
  if (recording.metering?.mode === 'sync') meterBeforeEnd(recording.metering, response as TrackedResponse);
}

/** The ledger entry of a call of a monetized product; undefined for any other call. */
function meteredCall(state: CallState, status: number): MeteredCall | undefined {
  const identity = state.exchange?.identity;
  if (identity === undefined || identity.productBilling === null) return undefined;
  // The forwarded answer's headers; the gateway's own answers carry none of the backend's.
  const sent = state.exchange?.sentHeaders;
  const header = (name: string) => {
    const value = sent?.[name];
    return value === undefined ? undefined : Array.isArray(value) ? value.join(', ') : String(value);
  };
  return {
    requestId: state.requestId,
    receivedAt: state.receivedAt,
    subscriptionId: identity.subscriptionId,
    productId: identity.productId,
    clientId: identity.clientId,
    status,
    billable: isBillable(identity.productBilling, status, header),
  };
}

/** Whether the call's answer must wait for the ledger (sync metering of a monetized product's call not yet metered). */
export function awaitsSyncMetering(response: ServerResponse): boolean {
  const state = (response as TrackedResponse)[CALL];
  const identity = state?.exchange?.identity;
  return state?.recording.metering?.mode === 'sync' && !state.metered && identity !== undefined && identity.productBilling !== null;
}

/**
 * Sync metering of a forwarded answer, called before its head is written: the ledger write of a
 * monetized call, which the head (and so every byte of the answer) waits for. Undefined when
 * there is nothing to wait for (async metering, or a call of a product that is not monetized).
 */
export function meterBeforeHead(response: ServerResponse, status: number, headers: OutgoingHttpHeaders): Promise<void> | undefined {
  const state = (response as TrackedResponse)[CALL];
  const metering = state?.recording.metering;
  if (state === undefined || metering?.mode !== 'sync' || state.metered) return undefined;
  if (state.exchange !== undefined) state.exchange.sentHeaders = headers;
  const call = meteredCall(state, status);
  if (call === undefined) return undefined;
  state.metered = true;
  return metering.writeNow(call).catch((error: unknown) => {
    // Kept for the next flush: the backend did answer. The caller cuts the connection.
    metering.push(call);
    throw error;
  });
}

/**
 * Sync metering of the gateway's own answers (a rejection, a policy's answer), written whole by
 * one `end(body)`: that last call waits for the ledger. A failed write cuts the connection
 * instead, so no monetized call is answered cleanly without being recorded.
 */
function meterBeforeEnd(metering: MeteringRecorder, response: TrackedResponse): void {
  const end = response.end;
  response.end = function endAfterMetering(this: TrackedResponse, ...args: unknown[]) {
    const state = this[CALL];
    const call = state === undefined || state.metered ? undefined : meteredCall(state, this.statusCode);
    if (state === undefined || call === undefined) return end.apply(this, args as Parameters<typeof end>);
    state.metered = true;
    metering.writeNow(call).then(
      () => end.apply(this, args as Parameters<typeof end>),
      (error: unknown) => {
        metering.push(call);
        this.destroy(error instanceof Error ? error : new Error(String(error)));
      },
    );
    return this;
  } as typeof response.end;
}

/** Links the routed exchange to its call, for the dimensions, timings and byte counts. */
export function attachExchange(response: ServerResponse, exchange: Exchange): void {
  const state = (response as TrackedResponse)[CALL];
  if (state !== undefined) state.exchange = exchange;
}

/** Marks the answer as the gateway's own, with its catalogue code. */
export function noteErrorCode(response: ServerResponse, code: string): void {
  (response as TrackedResponse)[ERROR_CODE] = code;
}

function recordCall(this: TrackedResponse): void {
  const state = this[CALL];
  if (state === undefined) return;
  this[CALL] = undefined;
  const { exchange, recording, request } = state;
  const identity = exchange?.identity;
  const project = exchange?.compiled.project;
  const declaredIn = Number(request.headers['content-length'] ?? 0);
  const declaredOut = Number(this.getHeader('content-length') ?? Number.NaN);
  const event: AnalyticsEvent = {
    receivedAt: state.receivedAt,
    requestId: state.requestId,
    serverGroupId: recording.serverGroupId,
    nodeId: recording.nodeId,
    projectId: project?.id ?? null,
    projectVersion: project?.version ?? null,
    resourceId: exchange?.resource?.resource.id ?? null,
    productId: identity?.productId ?? null,
    clientId: identity?.clientId ?? null,
    subscriptionId: identity?.subscriptionId ?? null,
    organizationId: identity?.organizationId ?? null,
    method: request.method ?? 'GET',
    // A connection that closed before an answer was written counts as 499 (client closed request).
    status: this.headersSent ? this.statusCode : 499,
    errorCode: this[ERROR_CODE] ?? null,
    latencyMs: performance.now() - state.started,
    backendLatencyMs:
      exchange === undefined || exchange.backendRespondedAt === 0 ? null : exchange.backendRespondedAt - exchange.backendStartedAt,
    bytesIn: exchange?.body?.length ?? Math.max(Number.isFinite(declaredIn) ? declaredIn : 0, exchange?.bytesIn ?? 0),
    bytesOut: Number.isFinite(declaredOut) ? declaredOut : (exchange?.bytesOut ?? 0),
  };
  recording.metrics.observe(event);
  recording.recorder?.push(event);
  if (recording.metering !== undefined && !state.metered) {
    const call = meteredCall(state, event.status);
    if (call !== undefined) recording.metering.push(call);
  }
  if (exchange?.trace !== undefined) {
    recording.traces?.finish(exchange, this, {
      receivedAt: state.receivedAt,
      durationMs: event.latencyMs,
      serverGroupId: recording.serverGroupId,
      nodeId: recording.nodeId,
    });
  }
}
