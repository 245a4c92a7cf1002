import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AnalyticsEvent } from '@tollgate/domain';
import type { Exchange } from '../exchange.js';
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
  };
  response.once('close', recordCall);
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
  if (exchange?.trace !== undefined) {
    recording.traces?.finish(exchange, this, {
      receivedAt: state.receivedAt,
      durationMs: event.latencyMs,
      serverGroupId: recording.serverGroupId,
      nodeId: recording.nodeId,
    });
  }
}
