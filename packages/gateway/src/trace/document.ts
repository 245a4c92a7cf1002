import { isUtf8 } from 'node:buffer';
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Project, Trace, TraceBody } from '@tollgate/domain';
import type { Exchange } from '../exchange.js';
import type { BodySample, TraceCapture } from './capture.js';
import { Masker } from './mask.js';

/** What the call's tracking knows of a finished call, besides its exchange. */
export interface FinishedCall {
  /** Epoch ms the request arrived. */
  receivedAt: number;
  durationMs: number;
  serverGroupId: string;
  nodeId: string;
}

/**
 * The trace document of a finished call: the request as the client sent it (normalised path,
 * original query and headers, the body it sent), the steps, the backend's timing and the
 * response as the client received it, with every credential masked. Masking runs first on every
 * part (remembering each credential value it hides), then each part is scrubbed of those values,
 * so a key the backend echoes in its body is hidden too.
 */
export function buildTrace(exchange: Exchange, capture: TraceCapture, response: ServerResponse, call: FinishedCall): Trace {
  const masker = new Masker(credentialNames(exchange.project));
  const request = exchange.request;
  const url = request.url ?? '';
  const queryStart = url.indexOf('?');
  const requestHeaders = masker.headers(request.headers);
  const query = masker.query(queryStart === -1 ? '' : url.slice(queryStart + 1));
  const answered = response.headersSent;
  const status = answered ? response.statusCode : 499;
  const responseHeaders = masker.headers(capture.responseHeaders ?? {});
  const requestBody = maskBody(capture.requestBody, contentTypeOf(request.headers['content-type']), masker);
  const bodiless = !answered || exchange.method === 'HEAD' || status === 204 || status === 304;
  const responseBody = bodiless ? null : maskBody(capture.responseBody, contentTypeOf(capture.responseHeaders?.['content-type']), masker);
  return {
    id: exchange.requestId,
    sessionId: capture.session.sessionId,
    projectId: exchange.project.id,
    serverGroupId: call.serverGroupId,
    nodeId: call.nodeId,
    receivedAt: new Date(call.receivedAt).toISOString(),
    durationMs: call.durationMs,
    request: {
      method: exchange.method,
      path: masker.scrub(exchange.path),
      query: masker.scrub(query),
      headers: scrubHeaders(requestHeaders, masker),
      body: scrubBody(requestBody, masker),
    },
    steps: capture.steps,
    backend:
      exchange.backendRespondedAt === 0
        ? null
        : { status: exchange.backendStatus, latencyMs: exchange.backendRespondedAt - exchange.backendStartedAt },
    response: { status, headers: scrubHeaders(responseHeaders, masker), body: scrubBody(responseBody, masker) },
  };
}

/**
 * Names a project's key policies read credentials from beyond the usual ones (a verify-api-key
 * header or query parameter of any name), so they are masked too.
 */
function credentialNames(project: Project): Set<string> {
  const names = new Set<string>();
  for (const policy of project.policies) {
    if (policy.type !== 'verify-api-key') continue;
    for (const config of [policy.config, ...Object.values(policy.serverGroupConfig ?? {})]) {
      if (typeof config.header === 'string') names.add(config.header.toLowerCase());
      if (typeof config.queryParameter === 'string') names.add(config.queryParameter.toLowerCase());
    }
  }
  return names;
}

/** A body between masking and scrubbing: its text when it is UTF-8, else its bytes. */
interface MaskedBody {
  text: string | undefined;
  bytes: Buffer;
  size: number;
  truncated: boolean;
}

function maskBody(sample: BodySample | undefined, contentType: string | undefined, masker: Masker): MaskedBody | null {
  if (sample === undefined || sample.size === 0) return null;
  const truncated = sample.size > sample.bytes.length;
  const text = utf8Text(sample.bytes, truncated);
  return { text: text === undefined ? undefined : masker.body(text, contentType), bytes: sample.bytes, size: sample.size, truncated };
}

function scrubBody(body: MaskedBody | null, masker: Masker): TraceBody | null {
  if (body === null) return null;
  const { size, truncated } = body;
  if (body.text !== undefined) return { text: masker.scrub(body.text), encoding: 'utf8', size, truncated };
  return { text: masker.scrubBytes(body.bytes).toString('base64'), encoding: 'base64', size, truncated };
}

function scrubHeaders(headers: Record<string, string>, masker: Masker): Record<string, string> {
  for (const name in headers) headers[name] = masker.scrub(headers[name] as string);
  return headers;
}

/**
 * The bytes as text when they are valid UTF-8. A truncated body may end inside a character: that
 * incomplete last character is left out rather than making the whole sample binary.
 */
export function utf8Text(bytes: Buffer, truncated: boolean): string | undefined {
  const whole = truncated ? bytes.subarray(0, completeUtf8Length(bytes)) : bytes;
  return isUtf8(whole) ? whole.toString('utf8') : undefined;
}

/** Length of `bytes` without an incomplete multi-byte sequence at its end. */
function completeUtf8Length(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(4, bytes.length); back++) {
    const byte = bytes[bytes.length - back] as number;
    if ((byte & 0xc0) === 0x80) continue;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

function contentTypeOf(value: OutgoingHttpHeaders[string]): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value[0] : String(value);
}
